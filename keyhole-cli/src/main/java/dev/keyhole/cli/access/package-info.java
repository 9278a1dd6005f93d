/** {@code keyhole access}: who can run a runbook, and what a principal can run, with the reasons and when each right ends. */
package dev.keyhole.cli.access;
