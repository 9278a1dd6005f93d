package dev.keyhole.runbook.model;

import java.util.List;
import java.util.Map;

/**
 * One named query of a runbook; expression text is fixed at review time and refers to parameters as
 * {@code :name}.
 *
 * @param name the query's name
 * @param operation Query, GetItem or Scan
 * @param index the index to query, or {@code null} for the table (or the target's index)
 * @param keyCondition Query: the key condition expression
 * @param key GetItem: key attribute name to the {@code :parameter} that supplies its value
 * @param filter the filter expression, or {@code null}
 * @param projection the attributes returned (top-level names or document paths)
 * @param scanIndexForward Query: ascending sort-key order when {@code true}
 * @param consistentRead strongly consistent reads
 */
public record QuerySpec(
        String name,
        Operation operation,
        String index,
        String keyCondition,
        Map<String, String> key,
        String filter,
        List<String> projection,
        boolean scanIndexForward,
        boolean consistentRead) {

    public QuerySpec {
        key = key == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
        projection = List.copyOf(projection);
    }
}
