package dev.keyhole.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.execute.RunResult;
import dev.keyhole.gateway.shape.AttributeJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a run's results as a table: columns in the query's projection order (then any other attribute
 * the items carry), one row per item, and the sealed cursor the "next page" button posts back.
 *
 * @param correlationId the execution's id, which the audit search finds
 * @param page which page this is, from 1
 * @param columns attribute names
 * @param rows cell texts, one list per item, aligned with {@code columns} (empty text where an item lacks it)
 * @param cursor the sealed cursor for the next page, or {@code null} at the end
 * @param capReached whether the runbook's page or item cap ended the run
 * @param consumedCapacity read capacity units this page consumed
 * @param elapsedMs how long this page took
 */
record Results(String correlationId, int page, List<String> columns, List<List<String>> rows, String cursor,
               boolean capReached, double consumedCapacity, long elapsedMs) {

    static Results of(RunResult r, List<String> projection, int page) {
        Set<String> columns = new LinkedHashSet<>();
        for (String path : projection) {
            columns.add(topLevel(path));
        }
        for (Map<String, AttributeValue> item : r.items()) {
            columns.addAll(item.keySet());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : r.items()) {
            ObjectNode plain = AttributeJson.plain(item);
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                JsonNode v = plain.get(c);
                row.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
            }
            rows.add(row);
        }
        return new Results(r.correlationId(), page, List.copyOf(columns), rows, r.cursor(), r.capReached(),
                r.consumedCapacity(), r.elapsed().toMillis());
    }

    /** {@code a.b[0]} → {@code a}: items carry top-level attributes. */
    private static String topLevel(String path) {
        int end = path.length();
        for (char c : new char[] {'.', '['}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return path.substring(0, end);
    }
}
