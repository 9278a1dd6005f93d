package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.BaseOperator;

/** Turns a three-way comparison (context value against policy value) into an operator's answer. */
final class Comparisons {

    private Comparisons() {}

    /** For negated operators this answers the positive question; the caller negates. */
    static boolean holds(BaseOperator op, int cmp) {
        return switch (op) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> cmp == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> cmp < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> cmp <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> cmp > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> cmp >= 0;
            default -> throw new IllegalArgumentException("not an ordering operator: " + op);
        };
    }
}
