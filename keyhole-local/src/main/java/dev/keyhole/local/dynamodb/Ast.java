package dev.keyhole.local.dynamodb;

import java.util.List;

/** The parsed forms of condition, filter, key condition and update expressions. */
final class Ast {

    private Ast() {}

    /** Something that yields a value: a path, a placeholder value, or a function of them. */
    sealed interface Operand permits PathOp, ValueOp, SizeOp, IfNotExists, ListAppend, Arith {}

    record PathOp(Path path) implements Operand {}

    record ValueOp(Av value, String placeholder) implements Operand {}

    record SizeOp(Path path) implements Operand {}

    record IfNotExists(Path path, Operand fallback) implements Operand {}

    record ListAppend(Operand a, Operand b) implements Operand {}

    record Arith(Operand a, boolean plus, Operand b) implements Operand {}

    /** A boolean expression. */
    sealed interface Cond permits And, Or, Not, Compare, Between, In, Func {}

    record And(Cond a, Cond b) implements Cond {}

    record Or(Cond a, Cond b) implements Cond {}

    record Not(Cond a) implements Cond {}

    /** {@code op} is one of = &lt;&gt; &lt; &lt;= &gt; &gt;=. */
    record Compare(String op, Operand a, Operand b) implements Cond {}

    record Between(Operand a, Operand lo, Operand hi) implements Cond {}

    record In(Operand a, List<Operand> options) implements Cond {}

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
    record Func(String name, List<Operand> args) implements Cond {}

    /** One action of an update expression. */
    record Action(String kind, Path path, Operand value) {}
}
