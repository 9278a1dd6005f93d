package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** CreateTable, DescribeTable, ListTables, DeleteTable and UpdateTable. */
final class TableOperations {

    private final DynamoDbEngine engine;

    TableOperations(DynamoDbEngine engine) {
        this.engine = engine;
    }

    JsonNode create(JsonNode req) {
        TableDef def = TableSpecs.parseCreate(req, now());
        return engine.write(() -> {
            synchronized (engine.ddl) {
                if (engine.tables.containsKey(def.name())) {
                    throw new DynamoDbException(DynamoDbException.DYNAMODB + "ResourceInUseException",
                            "Table already exists: " + def.name(), 400);
                }
                Table t = new Table(def, engine.map(DynamoDbEngine.dataMapName(def)));
                for (IndexDef i : def.indexes()) {
                    t.indexes.put(i.name(), new IndexData(i, engine.map(DynamoDbEngine.indexMapName(def, i.name()))));
                }
                engine.saveDef(def);
                engine.tables.put(def.name(), t);
                ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
                out.set("TableDescription", describe(t, "ACTIVE"));
                return out;
            }
        });
    }

    JsonNode describe(JsonNode req) {
        String name = Requests.requireTableName(req);
        Table t = engine.tables.get(name);
        if (t == null) throw notFound(name);
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        out.set("Table", describe(t, "ACTIVE"));
        return out;
    }

    static DynamoDbException notFound(String name) {
        return DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }

    JsonNode list(JsonNode req) {
        String start = Requests.text(req, "ExclusiveStartTableName");
        Requests r = new Requests().range(req, "Limit", "limit", 1, 100);
        if (start != null) r.tableName(start, "exclusiveStartTableName");
        r.check();
        int limit = req.has("Limit") ? req.get("Limit").asInt() : 100;
        TreeSet<String> names = new TreeSet<>(engine.tables.keySet());
        List<String> page = new ArrayList<>();
        for (String n : start == null ? names : names.tailSet(start, false)) {
            if (page.size() == limit) break;
            page.add(n);
        }
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        ArrayNode arr = out.putArray("TableNames");
        page.forEach(arr::add);
        if (page.size() == limit && !page.isEmpty() && names.higher(page.get(page.size() - 1)) != null) {
            out.put("LastEvaluatedTableName", page.get(page.size() - 1));
        }
        return out;
    }

    JsonNode delete(JsonNode req) {
        String name = Requests.requireTableName(req);
        return engine.write(() -> {
            synchronized (engine.ddl) {
                Table t = engine.tables.get(name);
                if (t == null) throw notFound(name);
                t.lock.lock();
                try {
                    ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
                    out.set("TableDescription", describe(t, "DELETING"));
                    engine.tables.remove(name);
                    engine.meta.remove(name.getBytes(StandardCharsets.UTF_8));
                    engine.store.removeMap(t.data);
                    for (IndexData i : t.indexes.values()) engine.store.removeMap(i.map);
                    return out;
                } finally {
                    t.lock.unlock();
                }
            }
        });
    }

    JsonNode update(JsonNode req) {
        String name = Requests.requireTableName(req);
        return engine.write(() -> {
            synchronized (engine.ddl) {
                Table t = engine.tables.get(name);
                if (t == null) throw notFound(name);
                t.lock.lock();
                try {
                    TableDef old = t.def;
                    TableDef def = TableSpecs.parseUpdate(req, old, now());
                    for (IndexDef i : old.indexes()) {
                        if (def.index(i.name()) == null) {
                            IndexData gone = t.indexes.remove(i.name());
                            engine.store.removeMap(gone.map);
                        }
                    }
                    t.def = def;
                    for (IndexDef i : def.indexes()) {
                        IndexData existing = t.indexes.get(i.name());
                        if (existing == null) {
                            IndexData idx = new IndexData(i, engine.map(DynamoDbEngine.indexMapName(def, i.name())));
                            backfill(t, idx);
                            t.indexes.put(i.name(), idx);
                        } else if (!existing.def.equals(i)) {
                            IndexData replaced = new IndexData(i, existing.map);
                            replaced.items.set(existing.items.get());
                            replaced.bytes.set(existing.bytes.get());
                            t.indexes.put(i.name(), replaced);
                        }
                    }
                    engine.saveDef(def);
                    ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
                    out.set("TableDescription", describe(t, "ACTIVE"));
                    return out;
                } finally {
                    t.lock.unlock();
                }
            }
        });
    }

    private static void backfill(Table t, IndexData idx) {
        for (byte[] v : t.data.values()) {
            Map<String, Av> item = ItemCodec.decode(v);
            byte[] key = idx.keyOf(item, t.def);
            if (key == null) continue;
            Map<String, Av> projected = idx.def.project(item, t.def);
            idx.map.put(key, ItemCodec.encode(projected));
            idx.items.incrementAndGet();
            idx.bytes.addAndGet(Av.itemSize(projected));
        }
    }

    private double now() {
        return engine.clock.millis() / 1000.0;
    }

    // ---- TableDescription ---------------------------------------------------------------------------

    ObjectNode describe(Table t, String status) {
        TableDef d = t.def;
        ObjectNode o = DynamoDbEngine.JSON.createObjectNode();
        ArrayNode defs = o.putArray("AttributeDefinitions");
        d.attributeTypes().forEach((k, v) -> defs.addObject().put("AttributeName", k).put("AttributeType", v));
        o.put("TableName", d.name());
        o.set("KeySchema", keySchema(d.hash(), d.range()));
        o.put("TableStatus", status);
        o.put("CreationDateTime", d.created());
        o.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
        o.put("TableSizeBytes", t.bytes.get());
        o.put("ItemCount", t.items.get());
        String arn = d.arn(engine.region, engine.account);
        o.put("TableArn", arn);
        o.put("TableId", d.tableId());
        if (d.billingMode().equals("PAY_PER_REQUEST")) {
            o.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", d.billingModeChanged());
        }
        ArrayNode lsis = null;
        ArrayNode gsis = null;
        for (IndexDef i : d.indexes()) {
            IndexData data = t.indexes.get(i.name());
            ObjectNode x;
            if (i.global()) {
                if (gsis == null) gsis = DynamoDbEngine.JSON.createArrayNode();
                x = gsis.addObject();
            } else {
                if (lsis == null) lsis = DynamoDbEngine.JSON.createArrayNode();
                x = lsis.addObject();
            }
            x.put("IndexName", i.name());
            x.set("KeySchema", keySchema(i.hash(), i.range()));
            ObjectNode p = x.putObject("Projection").put("ProjectionType", i.projectionType());
            if (!i.nonKeyAttributes().isEmpty()) {
                ArrayNode nk = p.putArray("NonKeyAttributes");
                i.nonKeyAttributes().forEach(nk::add);
            }
            if (i.global()) {
                x.put("IndexStatus", status.equals("DELETING") ? "DELETING" : "ACTIVE");
                x.set("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()));
            }
            x.put("IndexSizeBytes", data == null ? 0 : data.bytes.get());
            x.put("ItemCount", data == null ? 0 : data.items.get());
            x.put("IndexArn", arn + "/index/" + i.name());
        }
        if (lsis != null) o.set("LocalSecondaryIndexes", lsis);
        if (gsis != null) o.set("GlobalSecondaryIndexes", gsis);
        o.put("DeletionProtectionEnabled", false);
        return o;
    }

    private static ArrayNode keySchema(String hash, String range) {
        ArrayNode a = DynamoDbEngine.JSON.createArrayNode();
        a.addObject().put("AttributeName", hash).put("KeyType", "HASH");
        if (range != null) a.addObject().put("AttributeName", range).put("KeyType", "RANGE");
        return a;
    }

    private static ObjectNode throughput(long read, long write) {
        return DynamoDbEngine.JSON.createObjectNode().put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
    }

    static String newTableId() {
        return UUID.randomUUID().toString();
    }
}
