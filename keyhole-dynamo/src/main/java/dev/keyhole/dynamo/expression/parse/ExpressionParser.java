package dev.keyhole.dynamo.expression.parse;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.ProjectionExpression;
import dev.keyhole.dynamo.expression.ast.UpdateExpression;

/**
 * The entry to the parse stage: expression text → AST, placeholders left unresolved. Parsing needs no
 * request context, so a runbook's fixed expression text can be parsed once and resolved per request.
 *
 * <p>Errors are {@link DynamoValidationException}s worded as DynamoDB words them: a syntax error first
 * ({@code Invalid FilterExpression: Syntax error; token: "...", near: "..."}), else the first of
 * redundant parentheses, unknown functions, misused functions, reserved words, repeated update sections,
 * and operand counts.
 */
public final class ExpressionParser {

    private ExpressionParser() {}

    /** Parses a key condition, filter or condition expression. */
    public static Condition condition(ExpressionKind kind, String text) {
        if (!kind.isCondition()) {
            throw new IllegalArgumentException(kind + " is not a condition");
        }
        return new ConditionParser(kind, text).parse();
    }

    /** Parses a projection expression. */
    public static ProjectionExpression projection(String text) {
        return new ProjectionParser(text).parse();
    }

    /** Parses an update expression. */
    public static UpdateExpression update(String text) {
        return new UpdateParser(text).parse();
    }
}
