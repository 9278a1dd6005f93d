package dev.keyhole.dynamo.expression.ast;

import java.util.List;

/**
 * A condition (key condition, filter or condition expression): comparisons, {@code BETWEEN}, {@code IN},
 * the condition functions, and {@code AND}/{@code OR}/{@code NOT}.
 */
public sealed interface Condition {

    /** {@code left op right}. */
    record Compare(Comparator op, Operand left, Operand right) implements Condition {}

    /** {@code value BETWEEN lower AND upper}, bounds inclusive. */
    record Between(Operand value, Operand lower, Operand upper) implements Condition {}

    /** {@code value IN (candidates...)}, at most 100 candidates. */
    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code attribute_exists(path)}. */
    record AttributeExists(DocumentPath path) implements Condition {}

    /** {@code attribute_not_exists(path)}. */
    record AttributeNotExists(DocumentPath path) implements Condition {}

    /** {@code attribute_type(path, type)}; {@code type} is a value naming a type code such as {@code "SS"}. */
    record AttributeType(DocumentPath path, Operand type) implements Condition {}

    /** {@code begins_with(value, prefix)}, for strings and binary. */
    record BeginsWith(Operand value, Operand prefix) implements Condition {}

    /** {@code contains(container, element)}: substring, set member or list element. */
    record Contains(Operand container, Operand element) implements Condition {}

    /** {@code left AND right}. */
    record And(Condition left, Condition right) implements Condition {}

    /** {@code left OR right}. */
    record Or(Condition left, Condition right) implements Condition {}

    /** {@code NOT condition}. */
    record Not(Condition condition) implements Condition {}
}
