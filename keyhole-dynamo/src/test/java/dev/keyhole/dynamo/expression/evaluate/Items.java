package dev.keyhole.dynamo.expression.evaluate;

import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.ProjectionExpression;
import dev.keyhole.dynamo.expression.ast.UpdateExpression;
import dev.keyhole.dynamo.expression.resolve.ExpressionRequest;
import dev.keyhole.dynamo.value.AttributeValue;
import dev.keyhole.dynamo.value.AttributeValueJson;
import java.util.Map;

/** Test helpers: items and expressions written as DynamoDB JSON and text. */
final class Items {

    private Items() {}

    static Map<String, AttributeValue> item(String json) {
        return AttributeValueJson.parseItem(json);
    }

    static Map<String, AttributeValue> values(String json) {
        return json == null ? null : AttributeValueJson.parseItem(json);
    }

    static Condition condition(String text, String valuesJson) {
        return ExpressionRequest.of(null, values(valuesJson)).condition(ExpressionKind.CONDITION, text);
    }

    static ProjectionExpression projection(String text) {
        return ExpressionRequest.of(null, null).projection(text);
    }

    static UpdateExpression update(String text, String valuesJson) {
        return ExpressionRequest.of(null, values(valuesJson)).update(text);
    }
}
