package dev.keyhole.dynamo.expression.keycondition;

import dev.keyhole.dynamo.expression.ast.Operand;

/**
 * The sort key part of a key condition: {@code attribute op value}, or {@code BETWEEN value AND upper}.
 * Operands are {@link Operand.Value}s once resolved, {@link Operand.ValueRef}s before.
 *
 * @param upper the upper bound of {@code BETWEEN}, else {@code null}
 */
public record SortKeyCondition(String attribute, SortOperator operator, Operand value, Operand upper) {}
