package dev.keyhole.iam.policy;

/** The set operator prefixed to a condition operator, for multivalued context keys. */
public enum SetQualifier {
    /** No prefix: the operator tests a single-valued key (or any value of a multivalued one). */
    NONE(""),
    /** {@code ForAllValues:} every value in the request must match; true for a missing key or empty set. */
    FOR_ALL_VALUES("ForAllValues:"),
    /** {@code ForAnyValue:} at least one value in the request must match; false for a missing key. */
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix as written in a policy, including the colon; empty for {@link #NONE}. */
    public String prefix() {
        return prefix;
    }
}
