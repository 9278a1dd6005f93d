package dev.keyhole.fuzz.targets;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.parse.ExpressionParser;
import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.Seeds;
import dev.keyhole.fuzz.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DynamoDB expression text (key condition, filter, condition, projection, update). The input's first line names
 * the kind ({@code FILTER}, ...; anything else is a filter), the rest is the expression. The parser documents one
 * rejection, {@link DynamoValidationException}, with DynamoDB's wording. Oracle: nothing else is thrown and every
 * rejection has a message.
 */
public final class ExpressionTarget implements Target {

    @Override
    public String name() {
        return "expression";
    }

    @Override
    public List<byte[]> seeds() {
        return Seeds.of(name());
    }

    @Override
    public List<String> dictionary() {
        return List.of(" AND ", " OR ", "NOT ", " BETWEEN ", " IN ", "(", ")", "[", "]", ".", ",", " = ", " <> ", " < ",
                " <= ", " > ", " >= ", "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with",
                "contains", "size", "SET ", "REMOVE ", "ADD ", "DELETE ", "if_not_exists", "list_append", " + ", " - ",
                ":v", ":w", "#n", "#m", "pk", "sk", "a.b", "[0]", "[4294967296]", "\n");
    }

    @Override
    public String run(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        ExpressionKind kind = kind(nl < 0 ? "" : text.substring(0, nl));
        String expression = nl < 0 ? text : text.substring(nl + 1);
        try {
            switch (kind) {
                case PROJECTION -> ExpressionParser.projection(expression);
                case UPDATE -> ExpressionParser.update(expression);
                default -> ExpressionParser.condition(kind, expression);
            }
            return kind + " ok";
        } catch (DynamoValidationException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new Finding(Finding.Kind.BAD_REJECTION, "a validation error without a message");
            }
            return kind + " " + Signatures.of(e.getMessage());
        }
    }

    private static ExpressionKind kind(String line) {
        for (ExpressionKind k : ExpressionKind.values()) {
            if (k.name().equals(line.strip())) {
                return k;
            }
        }
        return ExpressionKind.FILTER;
    }
}
