/** Runbook files to {@link dev.keyhole.runbook.model.Runbook}s, reporting every problem with file:line:column and a fix. */
package dev.keyhole.runbook.load;
