package dev.keyhole.dynamo.expression;

/**
 * The five places DynamoDB accepts an expression, named as the request parameter is, because every
 * message starts with it ({@code Invalid KeyConditionExpression: ...}).
 */
public enum ExpressionKind {
    KEY_CONDITION("KeyConditionExpression"),
    FILTER("FilterExpression"),
    CONDITION("ConditionExpression"),
    PROJECTION("ProjectionExpression"),
    UPDATE("UpdateExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    /** The request parameter, e.g. {@code FilterExpression}. */
    public String parameter() {
        return parameter;
    }

    /** Whether this kind holds a condition (key condition, filter or condition expression). */
    public boolean isCondition() {
        return this == KEY_CONDITION || this == FILTER || this == CONDITION;
    }
}
