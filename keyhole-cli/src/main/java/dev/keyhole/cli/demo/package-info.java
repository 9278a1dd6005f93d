/** {@code keyhole demo}: the local engine, demo tables and identities, and a runbook run end to end, with no AWS account. */
package dev.keyhole.cli.demo;
