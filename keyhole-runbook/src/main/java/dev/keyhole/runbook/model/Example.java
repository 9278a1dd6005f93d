package dev.keyhole.runbook.model;

import java.util.Map;

/**
 * An example invocation shown in the catalog.
 *
 * @param description what the example shows
 * @param query the query name, or {@code null} for the default
 * @param params parameter values as text, as a person would type them
 */
public record Example(String description, String query, Map<String, String> params) {

    public Example {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
