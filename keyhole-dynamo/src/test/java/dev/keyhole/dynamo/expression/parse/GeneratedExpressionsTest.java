package dev.keyhole.dynamo.expression.parse;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;

import dev.keyhole.dynamo.expression.ExpressionKind;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** The parser accepts everything a small generator of valid expressions writes. */
class GeneratedExpressionsTest {

    private static final String[] NAMES = {"a", "b", "customerId", "#n", "#status", "x1_y"};
    private static final String[] VALUES = {":v", ":x", ":y1", ":value_2"};
    private static final String[] COMPARATORS = {"=", "<>", "<", "<=", ">", ">="};

    @Test
    void everyGeneratedConditionParses() {
        qt().withExamples(1000).forAll(conditions()).checkAssert(text ->
                assertThatCode(() -> ExpressionParser.condition(ExpressionKind.FILTER, text)).as(text).doesNotThrowAnyException());
    }

    @Test
    void everyGeneratedUpdateParses() {
        qt().withExamples(1000).forAll(updates()).checkAssert(text ->
                assertThatCode(() -> ExpressionParser.update(text)).as(text).doesNotThrowAnyException());
    }

    @Test
    void everyGeneratedProjectionParses() {
        qt().withExamples(500).forAll(in -> path(in) + ", " + path(in)).checkAssert(text ->
                assertThatCode(() -> ExpressionParser.projection(text)).as(text).doesNotThrowAnyException());
    }

    static Gen<String> conditions() {
        return in -> condition(in, 3);
    }

    static Gen<String> updates() {
        return in -> {
            StringBuilder b = new StringBuilder();
            String[] sections = {"SET", "remove", "Add", "DELETE"};
            int start = (int) in.next(Constraint.between(0, 3));
            long count = in.next(Constraint.between(1, 4));
            for (int s = 0; s < count; s++) {
                String section = sections[(start + s) % 4];
                b.append(section).append(' ');
                long actions = in.next(Constraint.between(1, 3));
                for (int i = 0; i < actions; i++) {
                    b.append(i == 0 ? "" : ", ").append(path(in));
                    switch (section.toUpperCase()) {
                        case "SET" -> b.append(" = ").append(setValue(in));
                        case "REMOVE" -> { }
                        default -> b.append(' ').append(pick(in, VALUES));
                    }
                }
                b.append(' ');
            }
            return b.toString();
        };
    }

    private static String setValue(RandomnessSource in) {
        return switch ((int) in.next(Constraint.between(0, 3))) {
            case 0 -> updateOperand(in);
            case 1 -> updateOperand(in) + (in.next(Constraint.between(0, 1)) == 0 ? " + " : " - ") + updateOperand(in);
            case 2 -> "(" + updateOperand(in) + " + " + updateOperand(in) + ")";
            default -> "list_append(" + updateOperand(in) + ", " + updateOperand(in) + ")";
        };
    }

    private static String updateOperand(RandomnessSource in) {
        return switch ((int) in.next(Constraint.between(0, 2))) {
            case 0 -> path(in);
            case 1 -> pick(in, VALUES);
            default -> "if_not_exists(" + path(in) + ", " + pick(in, VALUES) + ")";
        };
    }

    private static String condition(RandomnessSource in, int depth) {
        int kind = (int) in.next(Constraint.between(0, depth > 0 ? 9 : 5));
        return switch (kind) {
            case 0 -> operand(in) + " " + pick(in, COMPARATORS) + " " + operand(in);
            case 1 -> operand(in) + " BETWEEN " + operand(in) + " and " + operand(in);
            case 2 -> {
                StringBuilder b = new StringBuilder(operand(in)).append(" in (").append(operand(in));
                long n = in.next(Constraint.between(0, 4));
                for (int i = 0; i < n; i++) {
                    b.append(", ").append(operand(in));
                }
                yield b.append(')').toString();
            }
            case 3 -> (in.next(Constraint.between(0, 1)) == 0 ? "attribute_exists(" : "attribute_not_exists(") + path(in) + ")";
            case 4 -> "attribute_type(" + path(in) + ", " + pick(in, VALUES) + ")";
            case 5 -> (in.next(Constraint.between(0, 1)) == 0 ? "begins_with(" : "contains(") + operand(in) + ", " + operand(in) + ")";
            case 6 -> condition(in, depth - 1) + " AND " + condition(in, depth - 1);
            case 7 -> condition(in, depth - 1) + " or " + condition(in, depth - 1);
            case 8 -> "NOT " + condition(in, depth - 1);
            // DynamoDB refuses doubled parentheses, so a parenthesized group always holds an OR
            default -> "(" + condition(in, depth - 1) + " OR " + condition(in, depth - 1) + ")";
        };
    }

    private static String operand(RandomnessSource in) {
        return switch ((int) in.next(Constraint.between(0, 2))) {
            case 0 -> path(in);
            case 1 -> pick(in, VALUES);
            default -> "size(" + path(in) + ")";
        };
    }

    private static String path(RandomnessSource in) {
        StringBuilder b = new StringBuilder(pick(in, NAMES));
        long steps = in.next(Constraint.between(0, 3));
        for (int i = 0; i < steps; i++) {
            if (in.next(Constraint.between(0, 1)) == 0) {
                b.append('[').append(in.next(Constraint.between(0, 20))).append(']');
            } else {
                b.append('.').append(pick(in, NAMES));
            }
        }
        return b.toString();
    }

    private static String pick(RandomnessSource in, String[] options) {
        return options[(int) in.next(Constraint.between(0, options.length - 1))];
    }
}
