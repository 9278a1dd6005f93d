package dev.keyhole.runbook.cursor;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cursor is bound to: it opens only for the same runbook version, query, parameter values and
 * principal that sealed it.
 *
 * @param runbook the runbook name
 * @param runbookHash the runbook's content hash (a changed runbook invalidates old cursors)
 * @param query the query name
 * @param parameters the raw parameter values the caller passed
 * @param principal who ran it
 */
public record CursorBinding(String runbook, String runbookHash, String query, Map<String, String> parameters,
                            String principal) {

    public CursorBinding {
        parameters = Map.copyOf(parameters);
    }

    /** An unambiguous encoding used as the cipher's associated data. */
    byte[] associatedData() {
        StringBuilder sb = new StringBuilder();
        append(sb, "keyhole-cursor-v1");
        append(sb, runbook);
        append(sb, runbookHash);
        append(sb, query);
        append(sb, principal);
        new TreeMap<>(parameters).forEach((k, v) -> {
            append(sb, k);
            append(sb, v);
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder sb, String s) {
        String v = s == null ? "" : s;
        sb.append(v.length()).append(':').append(v).append(';');
    }
}
