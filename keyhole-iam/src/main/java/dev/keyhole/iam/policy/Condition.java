package dev.keyhole.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * One key test inside a {@code Condition} block: {@code "Operator": {"key": [values]}}.
 *
 * <p>A statement's conditions are all ANDed; the values of one condition are ORed (NORed for negated
 * operators). Values are kept as text: IAM compares JSON numbers and booleans by their text too.
 *
 * @param operator the parsed operator
 * @param key the condition key as written (matching is case-insensitive)
 * @param values the values as written
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {

    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }
}
