package dev.keyhole.runbook.bind;

import java.util.Objects;

/**
 * A validated parameter value in DynamoDB's terms.
 *
 * @param type the DynamoDB attribute type: {@code S}, {@code N} or {@code BOOL}
 * @param text the value as DynamoDB's JSON carries it (numbers as text, booleans as {@code true}/{@code false})
 */
public record BoundValue(String type, String text) {

    public BoundValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return type + ":" + text;
    }
}
