package dev.keyhole.drift.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns CloudTrail's {@code requestParameters} back into the DynamoDB API request shape.
 *
 * <p>CloudTrail writes request members in lower camel case ({@code tableName}, {@code transactItems},
 * {@code put}) and key and item values sometimes without their type
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html);
 * the API, and keyhole-dynamo's derivation, use Pascal case and typed attribute values. Member names
 * are matched in any case; names inside data maps (keys, items, expression names) are user data and
 * kept as written.
 */
final class ApiShape {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Members whose object keys are attribute names and values attribute values. */
    private static final Set<String> VALUE_MAPS = Set.of("key", "item", "exclusivestartkey", "expressionattributevalues");
    /** Members whose object keys are user data and values plain text. */
    private static final Set<String> NAME_MAPS = Set.of("expressionattributenames");
    /** Members whose object keys are user data (table or attribute names) and values request structures. */
    private static final Set<String> KEYED_STRUCTURES = Set.of("requestitems", "keyconditions", "expected");
    private static final Set<String> TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");

    private ApiShape() {}

    /** The API request for CloudTrail's parameters ({@code null} gives an empty request). */
    static ObjectNode request(JsonNode params) {
        return params != null && params.isObject() ? structure(params) : NODES.objectNode();
    }

    private static ObjectNode structure(JsonNode in) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : in.properties()) {
            String lower = lower(e.getKey());
            JsonNode v = e.getValue();
            String name = pascal(e.getKey());
            if (VALUE_MAPS.contains(lower) && v.isObject()) {
                out.set(name, valueMap(v));
            } else if (lower.equals("keys") && v.isArray()) {
                ArrayNode keys = out.putArray(name);
                v.forEach(k -> keys.add(k.isObject() ? valueMap(k) : k));
            } else if (NAME_MAPS.contains(lower)) {
                out.set(name, v);
            } else if (KEYED_STRUCTURES.contains(lower) && v.isObject()) {
                ObjectNode keyed = out.putObject(name);
                v.properties().forEach(k -> keyed.set(k.getKey(), any(k.getValue())));
            } else {
                out.set(name, any(v));
            }
        }
        return out;
    }

    private static JsonNode any(JsonNode v) {
        if (v.isObject()) {
            return structure(v);
        }
        if (v.isArray()) {
            ArrayNode a = NODES.arrayNode();
            v.forEach(x -> a.add(any(x)));
            return a;
        }
        return v;
    }

    private static ObjectNode valueMap(JsonNode in) {
        ObjectNode out = NODES.objectNode();
        in.properties().forEach(e -> out.set(e.getKey(), typed(e.getValue())));
        return out;
    }

    /** A typed attribute value as is; a bare value given the type its JSON has. */
    private static JsonNode typed(JsonNode v) {
        if (v.isObject() && v.size() == 1 && TYPES.contains(v.fieldNames().next().toUpperCase(Locale.ROOT))) {
            String type = v.fieldNames().next();
            return NODES.objectNode().set(type.toUpperCase(Locale.ROOT), v.get(type));
        }
        if (v.isNumber()) {
            return NODES.objectNode().put("N", v.asText());
        }
        if (v.isBoolean()) {
            return NODES.objectNode().put("BOOL", v.asBoolean());
        }
        return v.isTextual() ? NODES.objectNode().put("S", v.asText()) : v;
    }

    /** Lower case, with CloudTrail's usual spellings answered without allocating. */
    private static String lower(String name) {
        return switch (name) {
            case "tableName", "indexName", "select", "limit", "projectionExpression", "keyConditionExpression",
                    "filterExpression", "scanIndexForward", "consistentRead", "returnConsumedCapacity" -> "";
            case "key" -> "key";
            case "item" -> "item";
            case "keys" -> "keys";
            case "expressionAttributeNames" -> "expressionattributenames";
            case "expressionAttributeValues" -> "expressionattributevalues";
            case "requestItems" -> "requestitems";
            case "keyConditions" -> "keyconditions";
            default -> name.toLowerCase(Locale.ROOT);
        };
    }

    private static String pascal(String name) {
        return name.isEmpty() || Character.isUpperCase(name.charAt(0)) ? name
                : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
