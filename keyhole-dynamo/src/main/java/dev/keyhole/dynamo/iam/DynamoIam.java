package dev.keyhole.dynamo.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.iam.request.ContextValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one DynamoDB API request into the IAM authorizations it needs, as DynamoDB does: the action,
 * the table or index ARN, and the {@code dynamodb:*} condition keys.
 *
 * <p>Keys, from https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 * and https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html:
 * <ul>
 *   <li>{@code dynamodb:LeadingKeys}: the partition key values the request touches (the index's
 *       partition key for an index query); absent for Scan, which reads every partition;</li>
 *   <li>{@code dynamodb:Attributes}: the top-level attribute names the request reads, writes or
 *       evaluates (keys, item, projection, key condition, filter, condition and update expressions).
 *       A read with no projection returns every attribute; keyhole then adds {@code *}, so an
 *       attribute allow-list written with {@code ForAllValues:StringEquals} does not let it through;</li>
 *   <li>{@code dynamodb:Select}: for Query and Scan, the effective value (the default is
 *       {@code SPECIFIC_ATTRIBUTES} with a projection, else {@code ALL_ATTRIBUTES} on a table and
 *       {@code ALL_PROJECTED_ATTRIBUTES} on an index);</li>
 *   <li>{@code dynamodb:ReturnValues}, {@code dynamodb:ReturnConsumedCapacity}: when the request sets them;</li>
 *   <li>{@code dynamodb:EnclosingOperation}: for the item actions inside TransactWriteItems/TransactGetItems.</li>
 * </ul>
 */
public final class DynamoIam {

    /** Stands for "every attribute" in {@code dynamodb:Attributes} when a read has no projection. */
    public static final String ALL_ATTRIBUTES = "*";

    private DynamoIam() {}

    /**
     * The IAM checks for one request.
     *
     * @param operation the operation name, e.g. {@code Query}
     * @param body the parsed JSON request
     * @param region the region the request was sent to
     * @param account the account that owns the tables
     * @param schemas key names of existing tables; a missing table yields checks without LeadingKeys
     */
    public static List<IamCheck> derive(String operation, JsonNode body, String region, String account,
                                        KeySchemaLookup schemas) {
        Context c = new Context(region, account, schemas);
        return switch (operation) {
            case "GetItem", "PutItem", "UpdateItem", "DeleteItem" -> List.of(c.itemCheck(operation, body, null));
            case "Query", "Scan" -> List.of(c.readCheck(operation, body));
            case "BatchGetItem" -> c.batchGet(body);
            case "BatchWriteItem" -> c.batchWrite(body);
            case "TransactWriteItems" -> c.transactWrite(body);
            case "TransactGetItems" -> c.transactGet(body);
            case "ListTables" -> List.of(new IamCheck("dynamodb:ListTables", "*", Map.of()));
            default -> List.of(new IamCheck("dynamodb:" + operation, c.tableArn(text(body, "TableName")), Map.of()));
        };
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || !v.isTextual() ? "" : v.asText();
    }

    /** The per-request facts every check needs. */
    private record Context(String region, String account, KeySchemaLookup schemas) {

        String tableArn(String table) {
            return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table;
        }

        IamCheck itemCheck(String operation, JsonNode body, String enclosing) {
            String table = text(body, "TableName");
            Map<String, ContextValue> keys = new LinkedHashMap<>();
            JsonNode names = body.get("ExpressionAttributeNames");
            JsonNode item = operation.equals("PutItem") ? body.get("Item") : body.get("Key");
            Optional<TableKeys> schema = schemas.keys(table);
            schema.ifPresent(s -> leadingKey(item, s.partitionKey()).ifPresent(v ->
                    keys.put("dynamodb:LeadingKeys", ContextValue.ofSet(List.of(v)))));
            Set<String> attributes = new LinkedHashSet<>();
            fieldNames(item, attributes);
            ExpressionNames.collect(textOrNull(body, "ProjectionExpression"), names, attributes);
            ExpressionNames.collect(textOrNull(body, "ConditionExpression"), names, attributes);
            ExpressionNames.collect(textOrNull(body, "UpdateExpression"), names, attributes);
            arrayNames(body.get("AttributesToGet"), attributes);
            if (operation.equals("GetItem") && !body.has("ProjectionExpression") && !body.has("AttributesToGet")) {
                attributes.add(ALL_ATTRIBUTES);
            }
            keys.put("dynamodb:Attributes", ContextValue.ofSet(List.copyOf(attributes)));
            optional(body, "ReturnValues", "dynamodb:ReturnValues", keys);
            optional(body, "ReturnConsumedCapacity", "dynamodb:ReturnConsumedCapacity", keys);
            if (enclosing != null) {
                keys.put("dynamodb:EnclosingOperation", ContextValue.of(enclosing));
            }
            return new IamCheck("dynamodb:" + operation, tableArn(table), keys);
        }

        IamCheck readCheck(String operation, JsonNode body) {
            String table = text(body, "TableName");
            String index = textOrNull(body, "IndexName");
            String arn = tableArn(table) + (index == null ? "" : "/index/" + index);
            JsonNode names = body.get("ExpressionAttributeNames");
            Map<String, ContextValue> keys = new LinkedHashMap<>();
            if (operation.equals("Query")) {
                Optional<TableKeys> schema = schemas.keys(table)
                        .map(s -> index == null ? s : s.indexes().get(index));
                schema.flatMap(s -> queryPartitionValue(body, s.partitionKey(), names))
                        .ifPresent(v -> keys.put("dynamodb:LeadingKeys", ContextValue.ofSet(List.of(v))));
            }
            Set<String> attributes = new LinkedHashSet<>();
            ExpressionNames.collect(textOrNull(body, "KeyConditionExpression"), names, attributes);
            ExpressionNames.collect(textOrNull(body, "FilterExpression"), names, attributes);
            ExpressionNames.collect(textOrNull(body, "ProjectionExpression"), names, attributes);
            arrayNames(body.get("AttributesToGet"), attributes);
            JsonNode legacy = body.get("KeyConditions");
            if (legacy != null) {
                legacy.fieldNames().forEachRemaining(attributes::add);
            }
            boolean projected = body.has("ProjectionExpression") || body.has("AttributesToGet");
            String select = textOrNull(body, "Select");
            if (select == null) {
                select = projected ? "SPECIFIC_ATTRIBUTES" : index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
            }
            if (!projected && !select.equals("COUNT")) {
                attributes.add(ALL_ATTRIBUTES);
            }
            keys.put("dynamodb:Attributes", ContextValue.ofSet(List.copyOf(attributes)));
            keys.put("dynamodb:Select", ContextValue.of(select));
            optional(body, "ReturnConsumedCapacity", "dynamodb:ReturnConsumedCapacity", keys);
            return new IamCheck("dynamodb:" + operation, arn, keys);
        }

        List<IamCheck> batchGet(JsonNode body) {
            List<IamCheck> out = new ArrayList<>();
            JsonNode items = body.get("RequestItems");
            if (items == null || !items.isObject()) {
                return List.of(new IamCheck("dynamodb:BatchGetItem", tableArn(""), Map.of()));
            }
            items.fields().forEachRemaining(e -> {
                JsonNode spec = e.getValue();
                Optional<TableKeys> schema = schemas.keys(e.getKey());
                Set<String> leading = new LinkedHashSet<>();
                Set<String> attributes = new LinkedHashSet<>();
                for (JsonNode key : spec.path("Keys")) {
                    schema.flatMap(s -> leadingKey(key, s.partitionKey())).ifPresent(leading::add);
                    fieldNames(key, attributes);
                }
                ExpressionNames.collect(textOrNull(spec, "ProjectionExpression"), spec.get("ExpressionAttributeNames"),
                        attributes);
                arrayNames(spec.get("AttributesToGet"), attributes);
                if (!spec.has("ProjectionExpression") && !spec.has("AttributesToGet")) {
                    attributes.add(ALL_ATTRIBUTES);
                }
                Map<String, ContextValue> keys = new LinkedHashMap<>();
                if (schema.isPresent()) {
                    keys.put("dynamodb:LeadingKeys", ContextValue.ofSet(List.copyOf(leading)));
                }
                keys.put("dynamodb:Attributes", ContextValue.ofSet(List.copyOf(attributes)));
                optional(body, "ReturnConsumedCapacity", "dynamodb:ReturnConsumedCapacity", keys);
                out.add(new IamCheck("dynamodb:BatchGetItem", tableArn(e.getKey()), keys));
            });
            return out;
        }

        List<IamCheck> batchWrite(JsonNode body) {
            List<IamCheck> out = new ArrayList<>();
            JsonNode items = body.get("RequestItems");
            if (items == null || !items.isObject()) {
                return List.of(new IamCheck("dynamodb:BatchWriteItem", tableArn(""), Map.of()));
            }
            items.fields().forEachRemaining(e -> {
                Optional<TableKeys> schema = schemas.keys(e.getKey());
                Set<String> leading = new LinkedHashSet<>();
                Set<String> attributes = new LinkedHashSet<>();
                for (JsonNode req : e.getValue()) {
                    JsonNode item = req.has("PutRequest") ? req.path("PutRequest").get("Item")
                            : req.path("DeleteRequest").get("Key");
                    schema.flatMap(s -> leadingKey(item, s.partitionKey())).ifPresent(leading::add);
                    fieldNames(item, attributes);
                }
                Map<String, ContextValue> keys = new LinkedHashMap<>();
                if (schema.isPresent()) {
                    keys.put("dynamodb:LeadingKeys", ContextValue.ofSet(List.copyOf(leading)));
                }
                keys.put("dynamodb:Attributes", ContextValue.ofSet(List.copyOf(attributes)));
                optional(body, "ReturnConsumedCapacity", "dynamodb:ReturnConsumedCapacity", keys);
                out.add(new IamCheck("dynamodb:BatchWriteItem", tableArn(e.getKey()), keys));
            });
            return out;
        }

        List<IamCheck> transactWrite(JsonNode body) {
            List<IamCheck> out = new ArrayList<>();
            for (JsonNode item : body.path("TransactItems")) {
                if (item.has("Put")) {
                    out.add(itemCheck("PutItem", item.get("Put"), "TransactWriteItems"));
                } else if (item.has("Update")) {
                    out.add(itemCheck("UpdateItem", item.get("Update"), "TransactWriteItems"));
                } else if (item.has("Delete")) {
                    out.add(itemCheck("DeleteItem", item.get("Delete"), "TransactWriteItems"));
                } else if (item.has("ConditionCheck")) {
                    out.add(itemCheck("ConditionCheckItem", item.get("ConditionCheck"), "TransactWriteItems"));
                }
            }
            return out;
        }

        List<IamCheck> transactGet(JsonNode body) {
            List<IamCheck> out = new ArrayList<>();
            for (JsonNode item : body.path("TransactItems")) {
                if (item.has("Get")) {
                    out.add(itemCheck("GetItem", item.get("Get"), "TransactGetItems"));
                }
            }
            return out;
        }

        private static Optional<String> queryPartitionValue(JsonNode body, String partitionKey, JsonNode names) {
            JsonNode legacy = body.get("KeyConditions");
            if (legacy != null && legacy.has(partitionKey)) {
                JsonNode list = legacy.get(partitionKey).path("AttributeValueList");
                return list.isArray() && list.size() == 1 ? scalar(list.get(0)) : Optional.empty();
            }
            String kce = textOrNull(body, "KeyConditionExpression");
            if (kce == null) {
                return Optional.empty();
            }
            JsonNode values = body.get("ExpressionAttributeValues");
            return KeyEquality.find(kce, partitionKey, names)
                    .flatMap(placeholder -> values == null ? Optional.empty() : scalar(values.get(placeholder)));
        }

        private static Optional<String> leadingKey(JsonNode item, String partitionKey) {
            return item == null ? Optional.empty() : scalar(item.get(partitionKey));
        }

        /** The text IAM compares for a key value: the string, the number as written, or the base64 bytes. */
        private static Optional<String> scalar(JsonNode attributeValue) {
            if (attributeValue == null || !attributeValue.isObject()) {
                return Optional.empty();
            }
            for (String type : new String[] {"S", "N", "B"}) {
                JsonNode v = attributeValue.get(type);
                if (v != null && v.isTextual()) {
                    return Optional.of(v.asText());
                }
            }
            return Optional.empty();
        }

        private static void fieldNames(JsonNode obj, Set<String> out) {
            if (obj != null && obj.isObject()) {
                obj.fieldNames().forEachRemaining(out::add);
            }
        }

        private static void arrayNames(JsonNode arr, Set<String> out) {
            if (arr != null && arr.isArray()) {
                arr.forEach(n -> out.add(n.asText()));
            }
        }

        private static void optional(JsonNode body, String field, String key, Map<String, ContextValue> keys) {
            String v = textOrNull(body, field);
            if (v != null) {
                keys.put(key, ContextValue.of(v));
            }
        }

        private static String textOrNull(JsonNode body, String field) {
            JsonNode v = body == null ? null : body.get(field);
            return v == null || !v.isTextual() ? null : v.asText();
        }
    }
}
