package dev.keyhole.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a runbook's results, as keyhole shaped it (masked, capped).
 *
 * @param items the items, as plain JSON values: strings, numbers ({@link java.math.BigDecimal} or integers),
 *     booleans, lists and maps
 * @param cursor the sealed cursor for the next page, or {@code null} when this is the last one
 * @param correlationId the run's correlation id: the audit log's key and the STS session name of the run
 * @param runbook the runbook that produced the page
 * @param params the parameters it ran with
 * @param ticket the ticket or reason it ran under
 */
public record Page(List<Map<String, Object>> items, String cursor, String correlationId, String runbook,
                   Map<String, String> params, String ticket) {

    public Page {
        items = List.copyOf(items);
        params = Map.copyOf(params);
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Whether {@link KeyholeClient#next(Page)} has more to give. */
    public boolean hasNext() {
        return cursor != null;
    }
}
