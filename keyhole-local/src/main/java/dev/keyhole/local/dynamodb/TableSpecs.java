package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates CreateTable and UpdateTable requests into {@link TableDef}s, with DynamoDB's messages. */
final class TableSpecs {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private TableSpecs() {}

    static TableDef parseCreate(JsonNode req, double now) {
        String name = Requests.text(req, "TableName");
        String billing = Requests.text(req, "BillingMode");
        Requests r = new Requests().tableName(name, "tableName")
                .notNull(req, "AttributeDefinitions", "attributeDefinitions")
                .notNull(req, "KeySchema", "keySchema")
                .oneOf(billing, "billingMode", "PROVISIONED", "PAY_PER_REQUEST");
        JsonNode ks = req.get("KeySchema");
        if (ks != null && ks.isArray()) {
            if (ks.isEmpty()) r.fail("[]", "keySchema", "Member must have length greater than or equal to 1");
            if (ks.size() > 2) r.fail(ks.toString(), "keySchema", "Member must have length less than or equal to 2");
        }
        JsonNode pt = req.get("ProvisionedThroughput");
        if (pt != null && !pt.isNull()) {
            r.notNull(pt, "ReadCapacityUnits", "provisionedThroughput.readCapacityUnits")
                    .notNull(pt, "WriteCapacityUnits", "provisionedThroughput.writeCapacityUnits")
                    .range(pt, "ReadCapacityUnits", "provisionedThroughput.readCapacityUnits", 1, Long.MAX_VALUE)
                    .range(pt, "WriteCapacityUnits", "provisionedThroughput.writeCapacityUnits", 1, Long.MAX_VALUE);
        }
        r.check();
        boolean onDemand = "PAY_PER_REQUEST".equals(billing);
        long[] capacity = throughput(pt, onDemand);

        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode d : req.get("AttributeDefinitions")) {
            types.put(d.path("AttributeName").asText(), d.path("AttributeType").asText());
        }
        List<String> keyNames = new ArrayList<>();
        ks.forEach(k -> keyNames.add(k.path("AttributeName").asText()));
        if (keyNames.size() > types.size()) {
            throw DynamoDbException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        String[] keys = keySchema(ks, types);
        Set<String> used = new HashSet<>(keyNames);

        List<IndexDef> indexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        JsonNode lsis = req.get("LocalSecondaryIndexes");
        if (lsis != null && !lsis.isNull()) {
            if (lsis.isEmpty()) throw DynamoDbException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
            if (keys[1] == null) {
                throw DynamoDbException.validation(INVALID + "Table KeySchema does not have a range key, "
                        + "which is required when specifying a LocalSecondaryIndex");
            }
            for (JsonNode l : lsis) {
                IndexDef i = index(l, types, false, onDemand, used);
                if (i.range() == null) {
                    throw DynamoDbException.validation(INVALID + "Index KeySchema does not have a range key for index: " + i.name());
                }
                if (!i.hash().equals(keys[0])) {
                    throw DynamoDbException.validation(INVALID + "Index KeySchema does not have the same leading hash key as table "
                            + "KeySchema for index: " + i.name() + ". index hash key: " + i.hash() + ", table hash key: " + keys[0]);
                }
                if (!indexNames.add(i.name())) throw DynamoDbException.validation(INVALID + "Duplicate index name: " + i.name());
                indexes.add(i);
            }
            if (lsis.size() > 5) {
                throw DynamoDbException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
            }
        }
        JsonNode gsis = req.get("GlobalSecondaryIndexes");
        if (gsis != null && !gsis.isNull()) {
            if (gsis.isEmpty()) throw DynamoDbException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
            for (JsonNode g : gsis) {
                IndexDef i = index(g, types, true, onDemand, used);
                if (!indexNames.add(i.name())) throw DynamoDbException.validation(INVALID + "Duplicate index name: " + i.name());
                indexes.add(i);
            }
            if (gsis.size() > 20) {
                throw DynamoDbException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
            }
        }
        if (!used.equals(types.keySet())) {
            throw DynamoDbException.validation(INVALID + "Number of attributes in KeySchema does not exactly match number of "
                    + "attributes defined in AttributeDefinitions");
        }
        return new TableDef(name, TableOperations.newTableId(), keys[0], keys[1], types, indexes,
                onDemand ? "PAY_PER_REQUEST" : "PROVISIONED", capacity[0], capacity[1], now, now);
    }

    private static long[] throughput(JsonNode pt, boolean onDemand) {
        boolean present = pt != null && !pt.isNull();
        if (onDemand) {
            if (present) {
                throw DynamoDbException.validation(INVALID
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (!present) {
            throw DynamoDbException.validation(INVALID
                    + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        long read = pt.get("ReadCapacityUnits").asLong();
        long write = pt.get("WriteCapacityUnits").asLong();
        if (read > 1_000_000_000_000L) throw DynamoDbException.validation("Given value " + read + " for ReadCapacityUnits is out of bounds");
        if (write > 1_000_000_000_000L) throw DynamoDbException.validation("Given value " + write + " for WriteCapacityUnits is out of bounds");
        return new long[] {read, write};
    }

    /** Checks a key schema against the definitions; returns {hash, range}. */
    private static String[] keySchema(JsonNode ks, Map<String, String> types) {
        List<String> names = new ArrayList<>();
        ks.forEach(k -> names.add(k.path("AttributeName").asText()));
        for (String n : names) {
            if (!types.containsKey(n)) {
                throw DynamoDbException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. "
                        + "Keys: [" + String.join(", ", names) + "], AttributeDefinitions: [" + String.join(", ", types.keySet()) + "]");
            }
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(ks.get(0).path("KeyType").asText())) {
            throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (names.size() == 2 && !"RANGE".equals(ks.get(1).path("KeyType").asText())) {
            throw DynamoDbException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        for (String n : names) {
            String t = types.get(n);
            if (!t.equals("S") && !t.equals("N") && !t.equals("B")) {
                throw DynamoDbException.validation(INVALID + "Member must satisfy enum value set: [B, N, S]"); // wording not verified
            }
        }
        return new String[] {names.get(0), names.size() == 2 ? names.get(1) : null};
    }

    private static IndexDef index(JsonNode spec, Map<String, String> types, boolean global, boolean onDemand, Set<String> used) {
        String name = spec.path("IndexName").asText(null);
        Requests r = new Requests();
        String path = global ? "globalSecondaryIndexes.member.indexName" : "localSecondaryIndexes.member.indexName";
        if (name == null) r.fail(null, path, "Member must not be null");
        else r.tableName(name, path);
        JsonNode ks = spec.get("KeySchema");
        if (ks == null || !ks.isArray() || ks.isEmpty()) r.fail(null, path.replace("indexName", "keySchema"), "Member must not be null");
        if (spec.get("Projection") == null) r.fail(null, path.replace("indexName", "projection"), "Member must not be null");
        r.check();
        String[] keys = keySchema(ks, types);
        used.add(keys[0]);
        if (keys[1] != null) used.add(keys[1]);
        JsonNode projection = spec.get("Projection");
        String type = projection.path("ProjectionType").asText(null);
        if (type == null) throw DynamoDbException.validation(INVALID + "Unknown ProjectionType: null");
        List<String> nonKey = new ArrayList<>();
        JsonNode nk = projection.get("NonKeyAttributes");
        if (nk != null && !nk.isNull()) {
            if (!type.equals("INCLUDE")) {
                throw DynamoDbException.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
            }
            nk.forEach(n -> nonKey.add(n.asText()));
        }
        long read = 0;
        long write = 0;
        JsonNode pt = spec.get("ProvisionedThroughput");
        if (global) {
            if (onDemand && pt != null && !pt.isNull()) {
                throw DynamoDbException.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
                        + " when BillingMode is PAY_PER_REQUEST");
            }
            if (!onDemand) {
                if (pt == null || pt.isNull()) {
                    throw DynamoDbException.validation(INVALID + "ProvisionedThroughput must be specified for index: " + name);
                }
                read = pt.path("ReadCapacityUnits").asLong();
                write = pt.path("WriteCapacityUnits").asLong();
            }
        }
        return new IndexDef(name, global, keys[0], keys[1], type, nonKey, read, write);
    }

    static TableDef parseUpdate(JsonNode req, TableDef old, double now) {
        String billing = Requests.text(req, "BillingMode");
        new Requests().oneOf(billing, "billingMode", "PROVISIONED", "PAY_PER_REQUEST").check();
        JsonNode updates = req.get("GlobalSecondaryIndexUpdates");
        JsonNode pt = req.get("ProvisionedThroughput");
        if (billing == null && (updates == null || updates.isNull()) && (pt == null || pt.isNull())) {
            throw DynamoDbException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required"); // wording not verified
        }
        String mode = billing == null ? old.billingMode() : billing;
        boolean onDemand = mode.equals("PAY_PER_REQUEST");
        long read = old.readCapacity();
        long write = old.writeCapacity();
        if (pt != null && !pt.isNull()) {
            if (onDemand) {
                throw DynamoDbException.validation(INVALID
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            long[] c = throughput(pt, false);
            read = c[0];
            write = c[1];
        } else if (!onDemand && old.billingMode().equals("PAY_PER_REQUEST")) {
            throw DynamoDbException.validation(INVALID
                    + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        } else if (onDemand) {
            read = 0;
            write = 0;
        }
        Map<String, String> types = new LinkedHashMap<>(old.attributeTypes());
        JsonNode defs = req.get("AttributeDefinitions");
        if (defs != null && defs.isArray()) {
            for (JsonNode d : defs) {
                String n = d.path("AttributeName").asText();
                String t = d.path("AttributeType").asText();
                String prev = types.get(n);
                if (prev != null && !prev.equals(t)) {
                    throw DynamoDbException.validation(INVALID + "Cannot change the type of an existing attribute definition: " + n); // wording not verified
                }
                types.put(n, t);
            }
        }
        List<IndexDef> indexes = new ArrayList<>(old.indexes());
        if (updates != null && updates.isArray()) {
            for (JsonNode u : updates) {
                if (u.has("Create")) {
                    JsonNode c = u.get("Create");
                    IndexDef i = index(c, types, true, onDemand, new HashSet<>());
                    if (old.index(i.name()) != null) {
                        throw DynamoDbException.validation(INVALID + "Attempting to create an index which already exists"); // wording not verified
                    }
                    indexes.add(i);
                } else if (u.has("Delete")) {
                    String n = u.get("Delete").path("IndexName").asText();
                    IndexDef i = old.index(n);
                    if (i == null || !i.global()) {
                        throw DynamoDbException.resourceNotFound("Requested resource not found: Requested index " + n + " not found"); // wording not verified
                    }
                    indexes.remove(i);
                } else if (u.has("Update")) {
                    JsonNode x = u.get("Update");
                    String n = x.path("IndexName").asText();
                    IndexDef i = old.index(n);
                    if (i == null || !i.global()) {
                        throw DynamoDbException.resourceNotFound("Requested resource not found: Requested index " + n + " not found"); // wording not verified
                    }
                    JsonNode ipt = x.get("ProvisionedThroughput");
                    indexes.set(indexes.indexOf(i), i.withCapacity(ipt.path("ReadCapacityUnits").asLong(),
                            ipt.path("WriteCapacityUnits").asLong()));
                }
            }
        }
        if (onDemand) {
            indexes.replaceAll(i -> i.global() ? i.withCapacity(0, 0) : i);
        }
        // Drop definitions no key uses any more, as DynamoDB does.
        Set<String> used = new HashSet<>();
        used.add(old.hash());
        if (old.range() != null) used.add(old.range());
        for (IndexDef i : indexes) {
            used.add(i.hash());
            if (i.range() != null) used.add(i.range());
        }
        types.keySet().retainAll(used);
        double changed = onDemand && !old.billingMode().equals(mode) ? now : old.billingModeChanged();
        return new TableDef(old.name(), old.tableId(), old.hash(), old.range(), types, indexes, mode, read, write,
                old.created(), changed);
    }
}
