/** {@code keyhole runbooks ...}: list, show and lint runbook files. */
package dev.keyhole.cli.runbooks;
