package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Validation of keys and items against a table's schema, with DynamoDB's messages. */
final class Keys {

    static final long MAX_ITEM_SIZE = 400 * 1024;
    private static final String INVALID = "One or more parameter values were invalid: ";

    private Keys() {}

    /** Parses and checks a {@code Key} map: exactly the table's key attributes, with their types. */
    static Map<String, Av> key(TableDef d, JsonNode node) {
        if (node == null || node.isNull()) {
            throw DynamoDbException.validation(
                    "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
        }
        Map<String, Av> key = Av.parseMap(node);
        int expected = d.range() == null ? 1 : 2;
        if (key.size() != expected || !matches(d, d.hash(), key.get(d.hash()))
                || (d.range() != null && !matches(d, d.range(), key.get(d.range())))) {
            throw DynamoDbException.validation("The provided key element does not match the schema");
        }
        notEmpty(d.hash(), key.get(d.hash()));
        if (d.range() != null) notEmpty(d.range(), key.get(d.range()));
        return key;
    }

    private static boolean matches(TableDef d, String name, Av v) {
        return v != null && v.type().equals(d.attributeTypes().get(name));
    }

    private static void notEmpty(String name, Av v) {
        if (v instanceof Av.S s && s.v().isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty string value. Key: " + name);
        }
        if (v instanceof Av.B b && b.v().length == 0) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty binary value. Key: " + name);
        }
    }

    /** Checks a whole item about to be stored: table keys, index key types, size. */
    static void item(TableDef d, Map<String, Av> item) {
        tableKey(d, d.hash(), item);
        if (d.range() != null) tableKey(d, d.range(), item);
        for (IndexDef i : d.indexes()) {
            indexKey(d, i, i.hash(), item);
            if (i.range() != null) indexKey(d, i, i.range(), item);
        }
        if (Av.itemSize(item) > MAX_ITEM_SIZE) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static void tableKey(TableDef d, String name, Map<String, Av> item) {
        Av v = item.get(name);
        if (v == null) throw DynamoDbException.validation(INVALID + "Missing the key " + name + " in the item");
        String expected = d.attributeTypes().get(name);
        if (!v.type().equals(expected)) {
            throw DynamoDbException.validation(INVALID + "Type mismatch for key " + name + " expected: " + expected
                    + " actual: " + v.type());
        }
        notEmpty(name, v);
    }

    private static void indexKey(TableDef d, IndexDef i, String name, Map<String, Av> item) {
        Av v = item.get(name);
        if (v == null) return;
        String expected = d.attributeTypes().get(name);
        if (!v.type().equals(expected)) {
            throw DynamoDbException.validation(INVALID + "Type mismatch for Index Key " + name + " Expected: " + expected
                    + " Actual: " + v.type() + " IndexName: " + i.name());
        }
        if ((v instanceof Av.S s && s.v().isEmpty()) || (v instanceof Av.B b && b.v().length == 0)) {
            throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for a secondary "
                    + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                    + (v instanceof Av.S ? "string" : "binary") + " value. IndexName: " + i.name() + ", IndexKey: " + name);
        }
    }
}
