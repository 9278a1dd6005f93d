/** Whether a caller may run a runbook now: bindings (its runners), approvals and exceptions, and its ticket rule. */
package dev.keyhole.gateway.access;
