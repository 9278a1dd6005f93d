package dev.keyhole.dynamo.expression.ast;

import dev.keyhole.dynamo.value.AttributeValue;

/**
 * A value inside an expression: a document path, a {@code :value} placeholder (or the value it resolved
 * to), {@code size(path)}, and in update expressions {@code if_not_exists}, {@code list_append} and
 * {@code +}/{@code -}.
 */
public sealed interface Operand {

    /** The value at a document path in the item. */
    record Path(DocumentPath path) implements Operand {}

    /** A {@code :value} placeholder not yet resolved. */
    record ValueRef(String placeholder) implements Operand {}

    /** A resolved value, remembering which placeholder it came from for messages. */
    record Value(AttributeValue value, String placeholder) implements Operand {}

    /** {@code size(path)}: the length of a string or binary, the element count of a set, list or map. */
    record Size(Operand argument) implements Operand {}

    /** {@code if_not_exists(path, fallback)}. */
    record IfNotExists(DocumentPath path, Operand fallback) implements Operand {}

    /** {@code list_append(first, second)}. */
    record ListAppend(Operand first, Operand second) implements Operand {}

    /** {@code left + right} or {@code left - right}, numbers only. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {}
}
