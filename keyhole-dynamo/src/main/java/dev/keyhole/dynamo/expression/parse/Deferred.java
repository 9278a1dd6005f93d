package dev.keyhole.dynamo.expression.parse;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;

/**
 * The non-syntax errors a parse finds, kept until the whole text is known to be well-formed: DynamoDB
 * reports a syntax error anywhere before any of these, and among these the first of the earliest group.
 */
final class Deferred {

    /** Error groups in the order DynamoDB reports them. */
    enum Group { PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION, SHAPE }

    private final String[] first = new String[Group.values().length];

    void add(Group group, String message) {
        if (first[group.ordinal()] == null) {
            first[group.ordinal()] = message;
        }
    }

    void throwFirst(ExpressionKind kind) {
        for (String message : first) {
            if (message != null) {
                throw DynamoValidationException.validation("Invalid " + kind.parameter() + ": " + message);
            }
        }
    }
}
