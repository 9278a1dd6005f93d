package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** BatchGetItem, BatchWriteItem, TransactWriteItems and TransactGetItems. */
final class MultiItemOperations {

    private final DynamoDbEngine engine;
    private final ItemOperations items;

    MultiItemOperations(DynamoDbEngine engine, ItemOperations items) {
        this.engine = engine;
        this.items = items;
    }

    private static JsonNode requestItems(JsonNode req) {
        JsonNode ri = req.get("RequestItems");
        if (ri == null || ri.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (ri.isEmpty()) {
            throw DynamoDbException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        Requests r = new Requests();
        ri.fieldNames().forEachRemaining(n -> r.tableName(n, "requestItems." + n));
        r.check();
        return ri;
    }

    private static DynamoDbException duplicates() {
        return DynamoDbException.validation("Provided list of item keys contains duplicates");
    }

    // ---- BatchGetItem -------------------------------------------------------------------------------

    JsonNode batchGet(JsonNode req) {
        JsonNode ri = requestItems(req);
        int total = 0;
        for (JsonNode spec : ri) total += spec.path("Keys").size();
        if (total > 100) throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        ObjectNode responses = out.putObject("Responses");
        ArrayNode capacities = DynamoDbEngine.JSON.createArrayNode();
        String mode = Requests.text(req, "ReturnConsumedCapacity");
        var it = ri.fields();
        while (it.hasNext()) {
            var e = it.next();
            Table t = engine.table(e.getKey());
            TableDef def = t.def;
            JsonNode spec = e.getValue();
            JsonNode keys = spec.get("Keys");
            if (keys == null || !keys.isArray() || keys.isEmpty()) {
                throw DynamoDbException.validation("1 validation error detected: Value null at 'requestItems." + e.getKey()
                        + ".member.keys' failed to satisfy constraint: Member must not be null");
            }
            Placeholders ph = Placeholders.of(spec);
            List<Path> projection = ItemOperations.projection(spec, ph);
            ph.checkUnused();
            boolean consistent = Requests.bool(spec, "ConsistentRead");
            Set<ByteBuffer> seen = new HashSet<>();
            ArrayNode found = responses.putArray(e.getKey());
            long units = 0;
            double capacity = 0;
            for (JsonNode k : keys) {
                Map<String, Av> key = Keys.key(def, k);
                byte[] enc = KeyCodec.key(key.get(def.hash()), def.range() == null ? null : key.get(def.range()));
                if (!seen.add(ByteBuffer.wrap(enc))) throw duplicates();
                Map<String, Av> item = t.get(enc);
                capacity += Capacity.readUnits(item == null ? 0 : Av.itemSize(item), consistent);
                if (item != null) found.add(Av.mapToJson(projection == null ? item : Eval.project(item, projection)));
                units++;
            }
            ObjectNode cc = new Capacity(e.getKey(), true).addTable(capacity).toJson(mode);
            if (cc != null) capacities.add(cc);
        }
        out.putObject("UnprocessedKeys");
        if (mode != null && !mode.equals("NONE")) out.set("ConsumedCapacity", capacities);
        return out;
    }

    // ---- BatchWriteItem -----------------------------------------------------------------------------

    JsonNode batchWrite(JsonNode req) {
        JsonNode ri = requestItems(req);
        int total = 0;
        for (JsonNode list : ri) total += list.size();
        if (total > 25) {
            throw DynamoDbException.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                    + "Member must have length greater than or equal to 1]"); // wording not verified
        }
        List<WriteOp> ops = new ArrayList<>();
        var it = ri.fields();
        while (it.hasNext()) {
            var e = it.next();
            Set<ByteBuffer> seen = new HashSet<>();
            for (JsonNode w : e.getValue()) {
                boolean put = w.has("PutRequest");
                boolean del = w.has("DeleteRequest");
                if (put == del) {
                    throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, must contain "
                            + "exactly one of the supported datatypes"); // wording not verified
                }
                ObjectNode single = DynamoDbEngine.JSON.createObjectNode().put("TableName", e.getKey());
                if (put) single.set("Item", w.get("PutRequest").get("Item"));
                else single.set("Key", w.get("DeleteRequest").get("Key"));
                WriteOp op = items.prepare(put ? WriteOp.Kind.PUT : WriteOp.Kind.DELETE, single);
                if (!seen.add(ByteBuffer.wrap(op.key))) throw duplicates();
                ops.add(op);
            }
        }
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        engine.write(() -> {
            withLocks(ops, () -> {
                for (WriteOp op : ops) {
                    Map<String, Av> old = op.table.get(op.key);
                    Map<String, Av> now = op.apply(old);
                    op.table.write(op.key, old, now);
                    Capacity c = ItemOperations.writeCapacity(op.def, old, now);
                    capacity.computeIfAbsent(op.def.name(), n -> new Capacity(n, false)).addTable(c.total());
                }
            });
            return null;
        });
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        out.putObject("UnprocessedItems");
        capacityList(out, capacity, Requests.text(req, "ReturnConsumedCapacity"));
        return out;
    }

    private static void capacityList(ObjectNode out, Map<String, Capacity> capacity, String mode) {
        if (mode == null || mode.equals("NONE")) return;
        ArrayNode arr = out.putArray("ConsumedCapacity");
        capacity.values().forEach(c -> arr.add(c.toJson(mode)));
    }

    /** Runs {@code body} holding the locks of every table {@code ops} touch, taken in name order. */
    private void withLocks(List<WriteOp> ops, Runnable body) {
        TreeMap<String, Table> tables = new TreeMap<>();
        for (WriteOp op : ops) tables.put(op.def.name(), op.table);
        List<Table> locked = new ArrayList<>();
        try {
            for (Table t : tables.values()) {
                t.lock.lock();
                locked.add(t);
                if (engine.tables.get(t.def.name()) != t) throw DynamoDbException.resourceNotFound("Requested resource not found");
            }
            body.run();
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) locked.get(i).lock.unlock();
        }
    }

    // ---- TransactWriteItems -------------------------------------------------------------------------

    JsonNode transactWrite(JsonNode req) {
        JsonNode list = req.get("TransactItems");
        transactItemsCount(list);
        List<WriteOp> ops = new ArrayList<>();
        List<JsonNode> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode t : list) {
            int kinds = (t.has("Put") ? 1 : 0) + (t.has("Update") ? 1 : 0) + (t.has("Delete") ? 1 : 0) + (t.has("ConditionCheck") ? 1 : 0);
            if (kinds != 1) {
                throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete"); // wording not verified
            }
            WriteOp.Kind kind;
            JsonNode spec;
            if (t.has("Put")) { kind = WriteOp.Kind.PUT; spec = t.get("Put"); }
            else if (t.has("Update")) { kind = WriteOp.Kind.UPDATE; spec = t.get("Update"); }
            else if (t.has("Delete")) { kind = WriteOp.Kind.DELETE; spec = t.get("Delete"); }
            else {
                kind = WriteOp.Kind.CHECK;
                spec = t.get("ConditionCheck");
                if (!spec.hasNonNull("ConditionExpression")) {
                    throw DynamoDbException.validation("1 validation error detected: Value null at "
                            + "'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: "
                            + "Member must not be null"); // wording not verified (member index)
                }
            }
            WriteOp op = items.prepare(kind, spec);
            if (!seen.add(op.def.name() + "\u0000" + java.util.HexFormat.of().formatHex(op.key))) {
                throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
            }
            ops.add(op);
            specs.add(spec);
        }
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        engine.write(() -> {
            withLocks(ops, () -> {
                List<Map<String, Av>> olds = new ArrayList<>();
                List<Map<String, Av>> news = new ArrayList<>();
                ArrayNode reasons = DynamoDbEngine.JSON.createArrayNode();
                List<String> codes = new ArrayList<>();
                boolean failed = false;
                for (int i = 0; i < ops.size(); i++) {
                    WriteOp op = ops.get(i);
                    Map<String, Av> old = op.table.get(op.key);
                    olds.add(old);
                    ObjectNode reason = reasons.addObject();
                    if (!op.conditionHolds(old)) {
                        failed = true;
                        reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                        if ("ALL_OLD".equals(Requests.text(specs.get(i), "ReturnValuesOnConditionCheckFailure")) && old != null) {
                            reason.set("Item", Av.mapToJson(old));
                        }
                        codes.add("ConditionalCheckFailed");
                        news.add(null);
                        continue;
                    }
                    try {
                        news.add(op.apply(old));
                        reason.put("Code", "None");
                        codes.add("None");
                    } catch (DynamoDbException e) {
                        failed = true;
                        reason.put("Code", "ValidationError").put("Message", e.getMessage());
                        codes.add("ValidationError");
                        news.add(null);
                    }
                }
                if (failed) {
                    ObjectNode details = DynamoDbEngine.JSON.createObjectNode();
                    details.set("CancellationReasons", reasons);
                    throw new DynamoDbException(DynamoDbException.DYNAMODB + "TransactionCanceledException",
                            "Transaction cancelled, please refer cancellation reasons for specific reasons ["
                                    + String.join(", ", codes) + "]", 400, details);
                }
                // INVARIANT: nothing below can fail, so the transaction applies entirely or not at all.
                for (int i = 0; i < ops.size(); i++) {
                    WriteOp op = ops.get(i);
                    Capacity c;
                    if (op.kind == WriteOp.Kind.CHECK) {
                        c = new Capacity(op.def.name(), false).addTable(Capacity.writeUnits(
                                olds.get(i) == null ? 0 : Av.itemSize(olds.get(i))));
                    } else {
                        op.table.write(op.key, olds.get(i), news.get(i));
                        c = ItemOperations.writeCapacity(op.def, olds.get(i), news.get(i));
                    }
                    // Transactional writes cost two units per unit of a plain write.
                    capacity.computeIfAbsent(op.def.name(), n -> new Capacity(n, false)).addTable(2 * c.total());
                }
            });
            return null;
        });
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        capacityList(out, capacity, Requests.text(req, "ReturnConsumedCapacity"));
        return out;
    }

    private static void transactItemsCount(JsonNode list) {
        if (list == null || list.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'transactItems' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (list.isEmpty()) {
            throw DynamoDbException.validation("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        if (list.size() > 100) {
            throw DynamoDbException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 100"); // wording not verified
        }
    }

    // ---- TransactGetItems ---------------------------------------------------------------------------

    JsonNode transactGet(JsonNode req) {
        JsonNode list = req.get("TransactItems");
        transactItemsCount(list);
        record Get(Table table, byte[] key, List<Path> projection) {}
        List<Get> gets = new ArrayList<>();
        for (JsonNode t : list) {
            JsonNode spec = t.get("Get");
            if (spec == null) {
                throw DynamoDbException.validation("1 validation error detected: Value null at 'transactItems.1.member.get' "
                        + "failed to satisfy constraint: Member must not be null"); // wording not verified
            }
            String name = Requests.requireTableName(spec);
            Table table = engine.table(name);
            Map<String, Av> key = Keys.key(table.def, spec.get("Key"));
            Placeholders ph = Placeholders.of(spec);
            List<Path> projection = ItemOperations.projection(spec, ph);
            ph.checkUnused();
            gets.add(new Get(table, KeyCodec.key(key.get(table.def.hash()),
                    table.def.range() == null ? null : key.get(table.def.range())), projection));
        }
        TreeMap<String, Table> tables = new TreeMap<>();
        gets.forEach(g -> tables.put(g.table.def.name(), g.table));
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        ArrayNode responses = out.putArray("Responses");
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        List<Table> locked = new ArrayList<>();
        try {
            // Holding the write locks makes the read serializable with transactional writes.
            for (Table t : tables.values()) {
                t.lock.lock();
                locked.add(t);
            }
            for (Get g : gets) {
                Map<String, Av> item = g.table.get(g.key);
                ObjectNode r = responses.addObject();
                if (item != null) r.set("Item", Av.mapToJson(g.projection == null ? item : Eval.project(item, g.projection)));
                capacity.computeIfAbsent(g.table.def.name(), n -> new Capacity(n, true))
                        .addTable(2 * Capacity.readUnits(item == null ? 0 : Av.itemSize(item), true));
            }
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) locked.get(i).lock.unlock();
        }
        capacityList(out, capacity, Requests.text(req, "ReturnConsumedCapacity"));
        return out;
    }
}
