package dev.keyhole.dynamo.expression.keycondition;

import dev.keyhole.dynamo.expression.ast.Operand;
import java.util.Optional;

/**
 * A valid key condition: the partition key pinned with {@code =} to one value, and an optional sort key
 * condition. Built by {@link KeyConditions#analyze}.
 *
 * @param partitionValue a {@link Operand.Value} once resolved, a {@link Operand.ValueRef} before
 */
public record KeyCondition(String partitionKey, Operand partitionValue, Optional<SortKeyCondition> sortKey) {

    /** The placeholder the partition key is compared to, e.g. {@code :customerId}. */
    public String partitionPlaceholder() {
        return switch (partitionValue) {
            case Operand.ValueRef r -> r.placeholder();
            case Operand.Value v -> v.placeholder();
            default -> throw new IllegalStateException("partition key compared to " + partitionValue);
        };
    }
}
