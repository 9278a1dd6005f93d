/** Whether a caller may run a runbook now: its runners list and its ticket rule. */
package dev.keyhole.gateway.access;
