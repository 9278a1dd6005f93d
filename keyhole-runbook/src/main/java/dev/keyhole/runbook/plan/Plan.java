package dev.keyhole.runbook.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.runbook.bind.BoundValue;
import dev.keyhole.runbook.model.Operation;
import java.util.Map;

/**
 * One planned DynamoDB request, in the shape of DynamoDB's JSON protocol.
 *
 * @param operation Query, GetItem or Scan
 * @param region the region the request goes to
 * @param account the account owning the table
 * @param table the table name
 * @param index the index name, or {@code null}
 * @param keyCondition the key condition expression (Query), or {@code null}
 * @param filter the filter expression, or {@code null}
 * @param projection the projection expression, with every name aliased
 * @param key GetItem: key attribute name to its bound value
 * @param names expression attribute names ({@code #alias} → attribute name)
 * @param values expression attribute values ({@code :parameter} → bound value)
 * @param limit items per page (Query, Scan)
 * @param scanIndexForward sort order (Query)
 * @param consistentRead strongly consistent read
 */
public record Plan(
        Operation operation,
        String region,
        String account,
        String table,
        String index,
        String keyCondition,
        String filter,
        String projection,
        Map<String, BoundValue> key,
        Map<String, String> names,
        Map<String, BoundValue> values,
        int limit,
        boolean scanIndexForward,
        boolean consistentRead) {

    public Plan {
        key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }

    /** The request body as DynamoDB's JSON protocol carries it (without a start key). */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("TableName", table);
        if (index != null) {
            o.put("IndexName", index);
        }
        if (operation == Operation.GET_ITEM) {
            ObjectNode k = o.putObject("Key");
            key.forEach((name, v) -> k.set(name, attributeValue(v)));
        } else {
            o.put("Limit", limit);
            o.put("Select", "SPECIFIC_ATTRIBUTES");
        }
        if (keyCondition != null) {
            o.put("KeyConditionExpression", keyCondition);
            o.put("ScanIndexForward", scanIndexForward);
        }
        if (filter != null) {
            o.put("FilterExpression", filter);
        }
        o.put("ProjectionExpression", projection);
        if (consistentRead) {
            o.put("ConsistentRead", true);
        }
        if (!names.isEmpty()) {
            ObjectNode n = o.putObject("ExpressionAttributeNames");
            names.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> n.put(e.getKey(), e.getValue()));
        }
        if (!values.isEmpty()) {
            ObjectNode v = o.putObject("ExpressionAttributeValues");
            values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> v.set(e.getKey(), attributeValue(e.getValue())));
        }
        return o;
    }

    /** A bound value in DynamoDB's JSON form, e.g. {@code {"S": "C-1"}}. */
    public static ObjectNode attributeValue(BoundValue v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (v.type().equals("BOOL")) {
            node.put("BOOL", Boolean.parseBoolean(v.text()));
        } else {
            node.put(v.type(), v.text());
        }
        return node;
    }
}
