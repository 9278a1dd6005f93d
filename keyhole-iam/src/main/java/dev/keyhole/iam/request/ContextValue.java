package dev.keyhole.iam.request;

import java.util.List;
import java.util.Objects;

/**
 * The value of one context key: a single value, or a set of values for a multivalued key.
 *
 * <p>Values are kept as text, as IAM compares them; each operator reads them as its type
 * (numbers, dates, booleans, IP addresses) when it compares.
 *
 * @param values the values (one for a single-valued key; any number, possibly none, for a multivalued one)
 * @param multivalued whether the key was given as a set
 */
public record ContextValue(List<String> values, boolean multivalued) {

    public ContextValue {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (!multivalued && values.size() != 1) {
            throw new IllegalArgumentException("a single-valued key has exactly one value");
        }
    }

    /** A single value. */
    public static ContextValue of(String value) {
        return new ContextValue(List.of(value), false);
    }

    /** A multivalued key with these values. */
    public static ContextValue ofSet(List<String> values) {
        return new ContextValue(values, true);
    }

    /** Whether there is nothing to compare: a multivalued key with an empty set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
