package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.local.dynamodb.Ast.Action;
import dev.keyhole.local.dynamodb.Ast.Cond;
import java.util.List;
import java.util.Map;

/** PutItem, GetItem, DeleteItem and UpdateItem; also prepares the writes of batches and transactions. */
final class ItemOperations {

    private final DynamoDbEngine engine;

    ItemOperations(DynamoDbEngine engine) {
        this.engine = engine;
    }

    static DynamoDbException conditionFailed() {
        return new DynamoDbException(DynamoDbException.DYNAMODB + "ConditionalCheckFailedException",
                "The conditional request failed", 400);
    }

    // ---- preparation --------------------------------------------------------------------------------

    WriteOp prepare(WriteOp.Kind kind, JsonNode req) {
        String name = Requests.requireTableName(req);
        rejectLegacy(req, "Expected", "ConditionalOperator", "AttributeUpdates");
        Table table = engine.table(name);
        TableDef def = table.def;
        Placeholders ph = Placeholders.of(req);
        String ce = Requests.text(req, "ConditionExpression");
        Cond condition = ce == null ? null : ExprParser.condition(ce, "ConditionExpression", ph);
        Map<String, Av> putItem = null;
        Map<String, Av> keyMap;
        List<Action> actions = null;
        if (kind == WriteOp.Kind.PUT) {
            JsonNode itemNode = req.get("Item");
            if (itemNode == null || itemNode.isNull()) {
                throw DynamoDbException.validation(
                        "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
            }
            putItem = Av.parseMap(itemNode);
            Keys.item(def, putItem);
            keyMap = putItem;
        } else {
            keyMap = Keys.key(def, req.get("Key"));
        }
        if (kind == WriteOp.Kind.UPDATE) {
            String ue = Requests.text(req, "UpdateExpression");
            if (ue != null) {
                actions = ExprParser.update(ue, ph);
                for (Action a : actions) {
                    String top = a.path().top();
                    if (top.equals(def.hash()) || top.equals(def.range())) {
                        throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute "
                                + top + ". This attribute is part of the key");
                    }
                }
            }
        }
        ph.checkUnused();
        return new WriteOp(kind, table, def, keyMap, putItem, actions, condition);
    }

    static void rejectLegacy(JsonNode req, String... fields) {
        for (String f : fields) {
            if (req.has(f)) {
                throw DynamoDbException.validation("keyhole local does not support the legacy parameter " + f
                        + "; use the expression parameters instead"); // keyhole's own message
            }
        }
    }

    private static String returnValues(JsonNode req, boolean update) {
        String rv = Requests.text(req, "ReturnValues");
        new Requests().oneOf(rv, "returnValues", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW").check();
        if (rv == null) return "NONE";
        if (!update && !rv.equals("NONE") && !rv.equals("ALL_OLD")) {
            throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return rv;
    }

    // ---- operations ---------------------------------------------------------------------------------

    JsonNode put(JsonNode req) {
        String rv = returnValues(req, false);
        WriteOp op = prepare(WriteOp.Kind.PUT, req);
        return single(op, req, rv);
    }

    JsonNode delete(JsonNode req) {
        String rv = returnValues(req, false);
        WriteOp op = prepare(WriteOp.Kind.DELETE, req);
        return single(op, req, rv);
    }

    JsonNode update(JsonNode req) {
        String rv = returnValues(req, true);
        WriteOp op = prepare(WriteOp.Kind.UPDATE, req);
        return single(op, req, rv);
    }

    private JsonNode single(WriteOp op, JsonNode req, String rv) {
        Map<String, Av>[] result = execute(op);
        Map<String, Av> old = result[0];
        Map<String, Av> now = result[1];
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        Map<String, Av> attributes = switch (rv) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> now;
            case "UPDATED_OLD" -> old == null ? null : Eval.project(old, op.updatedPaths());
            case "UPDATED_NEW" -> now == null ? null : Eval.project(now, op.updatedPaths());
            default -> null;
        };
        if (attributes != null && !attributes.isEmpty()) out.set("Attributes", Av.mapToJson(attributes));
        ObjectNode cc = writeCapacity(op.def, old, now).toJson(Requests.text(req, "ReturnConsumedCapacity"));
        if (cc != null) out.set("ConsumedCapacity", cc);
        return out;
    }

    /** Applies one write durably; returns {old, new}. */
    @SuppressWarnings("unchecked")
    Map<String, Av>[] execute(WriteOp op) {
        return engine.write(() -> {
            Table t = op.table;
            t.lock.lock();
            try {
                if (engine.tables.get(op.def.name()) != t) throw DynamoDbException.resourceNotFound("Requested resource not found");
                Map<String, Av> old = t.get(op.key);
                if (!op.conditionHolds(old)) throw conditionFailed();
                Map<String, Av> now = op.apply(old);
                t.write(op.key, old, now);
                return new Map[] {old, now};
            } finally {
                t.lock.unlock();
            }
        });
    }

    /** Write units for replacing {@code old} by {@code now}, on the table and each index it touches. */
    static Capacity writeCapacity(TableDef def, Map<String, Av> old, Map<String, Av> now) {
        Capacity c = new Capacity(def.name(), false);
        long size = Math.max(old == null ? 0 : Av.itemSize(old), now == null ? 0 : Av.itemSize(now));
        c.addTable(Capacity.writeUnits(size));
        for (IndexDef i : def.indexes()) {
            boolean inOld = old != null && old.containsKey(i.hash()) && (i.range() == null || old.containsKey(i.range()));
            boolean inNew = now != null && now.containsKey(i.hash()) && (i.range() == null || now.containsKey(i.range()));
            double units = 0;
            if (inNew) units += Capacity.writeUnits(Av.itemSize(i.project(now, def)));
            if (inOld && (!inNew || !sameIndexKey(i, old, now))) units += Capacity.writeUnits(Av.itemSize(i.project(old, def)));
            if (units > 0) c.addIndex(i, units);
        }
        return c;
    }

    private static boolean sameIndexKey(IndexDef i, Map<String, Av> a, Map<String, Av> b) {
        return a.get(i.hash()).equals(b.get(i.hash())) && (i.range() == null || a.get(i.range()).equals(b.get(i.range())));
    }

    JsonNode get(JsonNode req) {
        String name = Requests.requireTableName(req);
        Table table = engine.table(name);
        TableDef def = table.def;
        Map<String, Av> key = Keys.key(def, req.get("Key"));
        Placeholders ph = Placeholders.of(req);
        List<Path> projection = projection(req, ph);
        ph.checkUnused();
        Map<String, Av> item = table.get(KeyCodec.key(key.get(def.hash()), def.range() == null ? null : key.get(def.range())));
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        if (item != null) {
            out.set("Item", Av.mapToJson(projection == null ? item : Eval.project(item, projection)));
        }
        boolean consistent = Requests.bool(req, "ConsistentRead");
        ObjectNode cc = new Capacity(name, true)
                .addTable(Capacity.readUnits(item == null ? 0 : Av.itemSize(item), consistent))
                .toJson(Requests.text(req, "ReturnConsumedCapacity"));
        if (cc != null) out.set("ConsumedCapacity", cc);
        return out;
    }

    /** ProjectionExpression or legacy AttributesToGet, or null for every attribute. */
    static List<Path> projection(JsonNode req, Placeholders ph) {
        String pe = Requests.text(req, "ProjectionExpression");
        JsonNode atg = req.get("AttributesToGet");
        if (pe != null && atg != null && !atg.isNull()) {
            throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        }
        if (pe != null) return ExprParser.projection(pe, ph);
        if (atg != null && atg.isArray()) {
            java.util.List<Path> paths = new java.util.ArrayList<>();
            atg.forEach(n -> paths.add(new Path(List.of(n.asText()))));
            return paths;
        }
        return null;
    }
}
