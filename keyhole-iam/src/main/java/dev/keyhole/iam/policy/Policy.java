package dev.keyhole.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * One IAM policy document.
 *
 * <p>The model keeps what changes a decision and nothing of the JSON's shape: whether {@code Statement}
 * or {@code Action} was written as a single value or an array is not recorded, so the canonical writer
 * and the parser round-trip to an equal value.
 *
 * @param version the {@code Version} element, or {@code null} when absent (IAM then assumes 2008-10-17)
 * @param id the {@code Id} element, or {@code null}
 * @param statements the statements in document order
 */
public record Policy(String version, String id, List<Statement> statements) {

    /** The current policy language version; the only one that supports policy variables. */
    public static final String VERSION_2012 = "2012-10-17";

    /** The legacy policy language version. */
    public static final String VERSION_2008 = "2008-10-17";

    public Policy {
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
    }

    /** Whether {@code ${...}} in this document are policy variables rather than literal text. */
    public boolean supportsVariables() {
        return VERSION_2012.equals(version);
    }
}
