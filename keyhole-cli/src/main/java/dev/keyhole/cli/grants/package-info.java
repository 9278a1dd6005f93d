/** {@code keyhole grants}: request, approve, deny, revoke and list approvals and time-boxed exceptions. */
package dev.keyhole.cli.grants;
