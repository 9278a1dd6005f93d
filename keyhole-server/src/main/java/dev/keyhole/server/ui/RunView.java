package dev.keyhole.server.ui;

import dev.keyhole.gateway.access.AccessReport;
import dev.keyhole.runbook.model.Runbook;
import java.util.Map;

/**
 * The run form of one runbook, as the person last filled it in.
 *
 * @param runbook the runbook
 * @param query the query chosen (its name)
 * @param values parameter values by name, as typed (or the first example's, on a fresh form)
 * @param ticket the ticket as typed
 * @param you whether the signed-in person may run it now, and why
 * @param results the page of results of the last run, or {@code null}
 */
record RunView(Runbook runbook, String query, Map<String, String> values, String ticket, AccessReport.Cell you,
               Results results) {

    /** The value typed for {@code parameter}, or empty. */
    String value(String parameter) {
        return values.getOrDefault(parameter, "");
    }
}
