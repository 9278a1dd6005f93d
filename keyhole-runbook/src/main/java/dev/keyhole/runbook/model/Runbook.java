package dev.keyhole.runbook.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reviewed runbook: the only family of DynamoDB queries its runners may execute.
 *
 * @param name unique name, e.g. {@code orders-by-customer}
 * @param description what it is for, for the catalog
 * @param owner the team that reviews changes
 * @param examples example parameter sets, shown to people and checked by the linter
 * @param target where the queries run
 * @param parameters typed parameters by name, in declaration order
 * @param queries named queries, in declaration order; the first is the default
 * @param limits page and item caps
 * @param masking attributes to redact, hash or partially show
 * @param access who may run it and on which conditions
 * @param source the file it was loaded from
 * @param contentHash SHA-256 of the file's bytes, hex; ties audit records to the reviewed text
 */
public record Runbook(
        String name,
        String description,
        String owner,
        List<Example> examples,
        Target target,
        Map<String, Parameter> parameters,
        Map<String, QuerySpec> queries,
        Limits limits,
        List<MaskRule> masking,
        Access access,
        String source,
        String contentHash) {

    public Runbook {
        Objects.requireNonNull(name, "name");
        examples = List.copyOf(examples);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        queries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(queries));
        masking = List.copyOf(masking);
    }

    /** The query run when the caller names none. */
    public QuerySpec defaultQuery() {
        return queries.values().iterator().next();
    }
}
