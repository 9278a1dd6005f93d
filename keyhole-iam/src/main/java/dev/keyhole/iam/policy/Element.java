package dev.keyhole.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * An {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource} element.
 *
 * @param values the patterns as written, in order (never trimmed: IAM does not trim them either)
 * @param negated {@code true} for the {@code Not...} form
 */
public record Element(List<String> values, boolean negated) {

    public Element {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** A positive element with these values. */
    public static Element of(String... values) {
        return new Element(List.of(values), false);
    }

    /** A {@code Not...} element with these values. */
    public static Element not(String... values) {
        return new Element(List.of(values), true);
    }
}
