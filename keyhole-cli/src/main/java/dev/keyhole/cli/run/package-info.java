/** {@code keyhole run}: one runbook execution from the command line, printed as a table, JSON, JSON Lines or CSV. */
package dev.keyhole.cli.run;
