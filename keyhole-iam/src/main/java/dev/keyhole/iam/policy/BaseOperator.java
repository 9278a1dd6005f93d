package dev.keyhole.iam.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * A condition operator without its set qualifier and {@code IfExists} suffix.
 *
 * <p>See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
public enum BaseOperator {
    STRING_EQUALS("StringEquals", OperatorFamily.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", OperatorFamily.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", OperatorFamily.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", OperatorFamily.STRING, true),
    STRING_LIKE("StringLike", OperatorFamily.STRING, false),
    STRING_NOT_LIKE("StringNotLike", OperatorFamily.STRING, true),
    NUMERIC_EQUALS("NumericEquals", OperatorFamily.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", OperatorFamily.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", OperatorFamily.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", OperatorFamily.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", OperatorFamily.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", OperatorFamily.NUMERIC, false),
    DATE_EQUALS("DateEquals", OperatorFamily.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", OperatorFamily.DATE, true),
    DATE_LESS_THAN("DateLessThan", OperatorFamily.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", OperatorFamily.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", OperatorFamily.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", OperatorFamily.DATE, false),
    BOOL("Bool", OperatorFamily.BOOL, false),
    BINARY_EQUALS("BinaryEquals", OperatorFamily.BINARY, false),
    IP_ADDRESS("IpAddress", OperatorFamily.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", OperatorFamily.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", OperatorFamily.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", OperatorFamily.ARN, true),
    ARN_LIKE("ArnLike", OperatorFamily.ARN, false),
    ARN_NOT_LIKE("ArnNotLike", OperatorFamily.ARN, true),
    NULL("Null", OperatorFamily.NULL, false);

    private static final Map<String, BaseOperator> BY_NAME = new HashMap<>();

    static {
        for (BaseOperator op : values()) {
            BY_NAME.put(op.json, op);
        }
    }

    private final String json;
    private final OperatorFamily family;
    private final boolean negated;

    BaseOperator(String json, OperatorFamily family, boolean negated) {
        this.json = json;
        this.family = family;
        this.negated = negated;
    }

    /** The name as written in a policy. */
    public String json() {
        return json;
    }

    /** How this operator reads values. */
    public OperatorFamily family() {
        return family;
    }

    /** Whether the operator is the negation of a positive one (its values are NORed). */
    public boolean negated() {
        return negated;
    }

    /** Whether policy variables in its values are substituted (string and ARN operators only). */
    public boolean acceptsVariables() {
        return family == OperatorFamily.STRING || family == OperatorFamily.ARN;
    }

    /** The operator with exactly this name, or {@code null}. */
    public static BaseOperator fromJson(String name) {
        return BY_NAME.get(name);
    }
}
