package dev.keyhole.dynamo.expression.ast;

/** One action of an update expression, in the section it belongs to. */
public sealed interface UpdateAction {

    /** The attribute the action changes. */
    DocumentPath path();

    /** {@code SET path = value}. */
    record Set(DocumentPath path, Operand value) implements UpdateAction {}

    /** {@code REMOVE path}. */
    record Remove(DocumentPath path) implements UpdateAction {}

    /** {@code ADD path :value}: adds to a number or a set. */
    record Add(DocumentPath path, Operand value) implements UpdateAction {}

    /** {@code DELETE path :value}: removes members from a set. */
    record Delete(DocumentPath path, Operand value) implements UpdateAction {}
}
