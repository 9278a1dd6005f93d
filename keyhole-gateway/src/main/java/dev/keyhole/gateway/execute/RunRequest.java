package dev.keyhole.gateway.execute;

import dev.keyhole.gateway.Caller;
import dev.keyhole.runbook.model.Runbook;
import java.util.Map;

/**
 * One request to run a runbook query.
 *
 * @param caller who asks
 * @param runbook the runbook
 * @param query the query name, or {@code null} for the runbook's default
 * @param params parameter values as typed
 * @param ticket the ticket id, or {@code null}
 * @param cursor a cursor from an earlier page, or {@code null}
 * @param correlationId the execution's id: the STS session name and the audit key
 * @param origin where the request came from
 */
public record RunRequest(Caller caller, Runbook runbook, String query, Map<String, String> params, String ticket,
                         String cursor, String correlationId, Origin origin) {

    public RunRequest {
        params = Map.copyOf(params);
        java.util.Objects.requireNonNull(correlationId, "correlationId");
        origin = origin == null ? Origin.LOCAL : origin;
    }

    /** A request from the CLI on this machine. */
    public RunRequest(Caller caller, Runbook runbook, String query, Map<String, String> params, String ticket,
                      String cursor, String correlationId) {
        this(caller, runbook, query, params, ticket, cursor, correlationId, Origin.LOCAL);
    }
}
