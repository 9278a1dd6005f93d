package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, tracking which ones the request's
 * expressions use, so unused ones can be rejected as DynamoDB does.
 */
final class Placeholders {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Av> values = new LinkedHashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    static Placeholders of(JsonNode request) {
        Placeholders p = new Placeholders();
        JsonNode n = request.get("ExpressionAttributeNames");
        if (n != null && !n.isNull()) {
            if (n.isEmpty()) throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
            n.fields().forEachRemaining(e -> p.names.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode v = request.get("ExpressionAttributeValues");
        if (v != null && !v.isNull()) {
            if (v.isEmpty()) throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    p.values.put(e.getKey(), Av.parse(e.getValue()));
                } catch (DynamoDbException ex) {
                    throw DynamoDbException.validation("ExpressionAttributeValues contains invalid value: "
                            + ex.getMessage() + " for key " + e.getKey());
                }
            }
        }
        return p;
    }

    String name(String token, String label) {
        String real = names.get(token);
        if (real == null) {
            throw DynamoDbException.validation("Invalid " + label
                    + ": An expression attribute name used in the document path is not defined; attribute name: " + token);
        }
        usedNames.add(token);
        return real;
    }

    Av value(String token, String label) {
        Av real = values.get(token);
        if (real == null) {
            throw DynamoDbException.validation("Invalid " + label
                    + ": An expression attribute value used in expression is not defined; attribute value: " + token);
        }
        usedValues.add(token);
        return real;
    }

    /** Rejects names and values no expression of the request used. */
    void checkUnused() {
        List<String> unusedNames = new ArrayList<>();
        for (String k : names.keySet()) if (!usedNames.contains(k)) unusedNames.add(k);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        List<String> unusedValues = new ArrayList<>();
        for (String k : values.keySet()) if (!usedValues.contains(k)) unusedValues.add(k);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
