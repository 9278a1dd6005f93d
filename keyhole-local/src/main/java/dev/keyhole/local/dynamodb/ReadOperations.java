package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.local.dynamodb.Ast.Cond;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * Query and Scan: a key range (or the whole table, or one segment) read in key order, {@code Limit}
 * counting evaluated items before the filter, pages capped at 1 MB of item data.
 */
final class ReadOperations {

    static final long PAGE_BYTES = 1024 * 1024;

    private final DynamoDbEngine engine;

    ReadOperations(DynamoDbEngine engine) {
        this.engine = engine;
    }

    /** Everything about one read request, prepared once. */
    private record Plan(Table table, TableDef def, IndexDef index, MVMap<byte[], byte[]> source, String hash, String range,
                        KeyRange keys, Cond filter, List<Path> projection, String select, boolean consistent,
                        boolean fetchFromTable, Integer limit, byte[] startAfter, boolean forward, int segment,
                        int totalSegments) {}

    JsonNode query(JsonNode req) {
        Plan plan = plan(req, true);
        return run(plan, req);
    }

    JsonNode scan(JsonNode req) {
        Plan plan = plan(req, false);
        return run(plan, req);
    }

    private Plan plan(JsonNode req, boolean query) {
        String name = Requests.text(req, "TableName");
        String select = Requests.text(req, "Select");
        Requests r = new Requests().tableName(name, "tableName")
                .oneOf(select, "select", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT")
                .range(req, "Limit", "limit", 1, Integer.MAX_VALUE);
        if (!query) {
            r.range(req, "Segment", "segment", 0, 999_999).range(req, "TotalSegments", "totalSegments", 1, 1_000_000);
        }
        r.check();
        ItemOperations.rejectLegacy(req, "KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator");
        int segment = 0;
        int total = 1;
        if (!query) {
            boolean hasSegment = req.hasNonNull("Segment");
            boolean hasTotal = req.hasNonNull("TotalSegments");
            if (hasSegment && !hasTotal) {
                throw DynamoDbException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
            }
            if (hasTotal && !hasSegment) {
                throw DynamoDbException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
            }
            if (hasSegment) {
                segment = req.get("Segment").asInt();
                total = req.get("TotalSegments").asInt();
                if (segment >= total) {
                    throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter "
                            + "TotalSegments: Segment: " + segment + " is out of bounds for TotalSegments: " + total);
                }
            }
        }
        Table table = engine.table(name);
        TableDef def = table.def;
        String indexName = Requests.text(req, "IndexName");
        IndexDef index = null;
        MVMap<byte[], byte[]> source = table.data;
        if (indexName != null) {
            index = def.index(indexName);
            IndexData data = table.indexes.get(indexName);
            if (index == null || data == null) {
                throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
            }
            source = data.map;
        }
        boolean consistent = Requests.bool(req, "ConsistentRead");
        if (consistent && index != null && index.global()) {
            throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
        }
        String hash = index == null ? def.hash() : index.hash();
        String range = index == null ? def.range() : index.range();

        Placeholders ph = Placeholders.of(req);
        KeyRange keys = null;
        if (query) {
            String kce = Requests.text(req, "KeyConditionExpression");
            if (kce == null) {
                throw DynamoDbException.validation(
                        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
            }
            keys = KeyRange.of(ExprParser.condition(kce, "KeyConditionExpression", ph), hash, range, def.attributeTypes());
        }
        String fe = Requests.text(req, "FilterExpression");
        Cond filter = fe == null ? null : ExprParser.condition(fe, "FilterExpression", ph);
        List<Path> projection = ItemOperations.projection(req, ph);
        ph.checkUnused();
        if (query && filter != null) {
            Set<String> names = new HashSet<>();
            topNames(filter, names);
            for (String k : new String[] {hash, range}) {
                if (k != null && names.contains(k)) {
                    throw DynamoDbException.validation("Filter Expression can only contain non-primary key attributes: "
                            + "Primary key attribute: " + k);
                }
            }
        }

        if (select == null) {
            select = projection != null ? "SPECIFIC_ATTRIBUTES" : index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        } else if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            String param = req.has("ProjectionExpression") ? "ProjectionExpression" : "AttributesToGet";
            throw DynamoDbException.validation("Cannot specify the " + param + " when choosing to get " + select); // wording not verified for ProjectionExpression
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"); // wording not verified
        }
        boolean fetch = false;
        if (index != null && !index.projectionType().equals("ALL")) {
            if (select.equals("ALL_ATTRIBUTES")) {
                if (index.global()) {
                    throw DynamoDbException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                            + "supported for global secondary index " + index.name() + " because its projection type is not ALL");
                }
                fetch = true;
            } else if (!index.global()) {
                Set<String> needed = new HashSet<>();
                if (projection != null) projection.forEach(p -> needed.add(p.top()));
                if (filter != null) topNames(filter, needed);
                for (String n : needed) if (!index.projects(n, def)) fetch = true;
            }
        }
        Integer limit = req.hasNonNull("Limit") ? req.get("Limit").asInt() : null;
        byte[] start = startKey(req.get("ExclusiveStartKey"), def, index);
        boolean forward = !req.has("ScanIndexForward") || req.get("ScanIndexForward").asBoolean(true);
        return new Plan(table, def, index, source, hash, range, keys, filter, projection, select, consistent, fetch, limit,
                start, !query || forward, segment, total);
    }

    private static void topNames(Cond c, Set<String> out) {
        switch (c) {
            case Ast.And a -> { topNames(a.a(), out); topNames(a.b(), out); }
            case Ast.Or o -> { topNames(o.a(), out); topNames(o.b(), out); }
            case Ast.Not n -> topNames(n.a(), out);
            case Ast.Compare x -> { operandNames(x.a(), out); operandNames(x.b(), out); }
            case Ast.Between b -> { operandNames(b.a(), out); operandNames(b.lo(), out); operandNames(b.hi(), out); }
            case Ast.In in -> { operandNames(in.a(), out); in.options().forEach(o -> operandNames(o, out)); }
            case Ast.Func f -> f.args().forEach(o -> operandNames(o, out));
        }
    }

    private static void operandNames(Ast.Operand o, Set<String> out) {
        if (o instanceof Ast.PathOp p) out.add(p.path().top());
        if (o instanceof Ast.SizeOp s) out.add(s.path().top());
    }

    /** The encoded position of ExclusiveStartKey in the source map, or null. */
    private static byte[] startKey(JsonNode node, TableDef def, IndexDef index) {
        if (node == null || node.isNull()) return null;
        Map<String, Av> key = Av.parseMap(node);
        Set<String> expected = new HashSet<>();
        expected.add(def.hash());
        if (def.range() != null) expected.add(def.range());
        if (index != null) {
            expected.add(index.hash());
            if (index.range() != null) expected.add(index.range());
        }
        for (String k : expected) {
            Av v = key.get(k);
            if (v == null || !v.type().equals(def.attributeTypes().get(k))) {
                throw DynamoDbException.validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        if (key.size() != expected.size()) {
            throw DynamoDbException.validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (index != null) {
            KeyCodec.encode(key.get(index.hash()), out);
            if (index.range() != null) KeyCodec.encode(key.get(index.range()), out);
        }
        KeyCodec.encode(key.get(def.hash()), out);
        if (def.range() != null) KeyCodec.encode(key.get(def.range()), out);
        return out.toByteArray();
    }

    private JsonNode run(Plan p, JsonNode req) {
        byte[] prefix = p.keys == null ? null : KeyCodec.key(p.keys.hashValue(), null);
        byte[] from;
        if (prefix == null) {
            from = p.forward ? (p.startAfter != null ? p.startAfter : null) : null;
        } else if (p.forward) {
            from = p.keys.forwardStart(prefix);
            if (p.startAfter != null && Arrays.compareUnsigned(p.startAfter, from) > 0) from = p.startAfter;
        } else {
            from = p.keys.backwardEnd(prefix);
            if (p.startAfter != null && (from == null || Arrays.compareUnsigned(p.startAfter, from) < 0)) from = p.startAfter;
        }
        Cursor<byte[], byte[]> cursor = p.forward
                ? p.source.cursor(from, null, false)
                : (from == null ? p.source.cursor(null, null, true) : p.source.cursor(from, null, true));
        byte[] exclusive = p.forward ? p.startAfter : from;

        ArrayNode items = DynamoDbEngine.JSON.createArrayNode();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        long tableBytes = 0;
        Map<String, Av> last = null;
        boolean truncated = false;
        boolean countOnly = p.select.equals("COUNT");
        while (cursor.hasNext()) {
            byte[] k = cursor.next();
            if (exclusive != null) {
                int c = Arrays.compareUnsigned(k, exclusive);
                if (p.forward ? c <= 0 : c >= 0) continue;
            }
            if (prefix != null && !KeyCodec.startsWith(k, prefix)) break;
            if (p.totalSegments > 1 && segmentOf(k, p) != p.segment) continue;
            Map<String, Av> item = ItemCodec.decode(cursor.getValue());
            if (p.keys != null && p.keys.sortName() != null) {
                Av sk = item.get(p.keys.sortName());
                if (!p.keys.matches(sk)) {
                    if (p.keys.beyond(sk, p.forward)) break;
                    continue;
                }
            }
            scanned++;
            long size = Av.itemSize(item);
            bytes += size;
            last = item;
            Map<String, Av> full = item;
            if (p.fetchFromTable) {
                full = p.table.get(KeyCodec.key(item.get(p.def.hash()), p.def.range() == null ? null : item.get(p.def.range())));
                if (full == null) full = item;
                tableBytes += Av.itemSize(full);
            }
            if (p.filter == null || Eval.test(p.filter, full)) {
                count++;
                if (!countOnly) {
                    Map<String, Av> shown = p.projection == null ? full : Eval.project(full, p.projection);
                    items.add(Av.mapToJson(shown));
                }
            }
            if ((p.limit != null && scanned >= p.limit) || bytes >= PAGE_BYTES) {
                truncated = true;
                break;
            }
        }
        ObjectNode out = DynamoDbEngine.JSON.createObjectNode();
        if (!countOnly) out.set("Items", items);
        out.put("Count", count);
        out.put("ScannedCount", scanned);
        if (truncated && last != null) out.set("LastEvaluatedKey", Av.mapToJson(lastKey(last, p)));
        Capacity cc = new Capacity(p.def.name(), true);
        if (p.index == null) {
            cc.addTable(Capacity.readUnits(bytes, p.consistent));
        } else {
            cc.addIndex(p.index, Capacity.readUnits(bytes, p.consistent));
            if (p.fetchFromTable) cc.addTable(Capacity.readUnits(tableBytes, p.consistent));
        }
        ObjectNode ccJson = cc.toJson(Requests.text(req, "ReturnConsumedCapacity"));
        if (ccJson != null) out.set("ConsumedCapacity", ccJson);
        return out;
    }

    private static Map<String, Av> lastKey(Map<String, Av> item, Plan p) {
        Map<String, Av> key = new LinkedHashMap<>();
        key.put(p.def.hash(), item.get(p.def.hash()));
        if (p.def.range() != null) key.put(p.def.range(), item.get(p.def.range()));
        if (p.index != null) {
            key.put(p.index.hash(), item.get(p.index.hash()));
            if (p.index.range() != null) key.put(p.index.range(), item.get(p.index.range()));
        }
        return key;
    }

    /** Segments split the partition keys by hash, so every item of a partition lands in one segment. */
    private static int segmentOf(byte[] key, Plan p) {
        int end = partitionKeyLength(key, p.def.attributeTypes().get(p.hash));
        int h = 1;
        for (int i = 0; i < end; i++) h = 31 * h + key[i];
        h ^= (h >>> 16);
        return Math.floorMod(h * 0x9E3779B9, p.totalSegments);
    }

    /** The length of the first encoded key value in {@code key}. */
    private static int partitionKeyLength(byte[] key, String type) {
        if (type.equals("N")) {
            if ((key[0] & 0xFF) == 0x80) return 1;
            int term = (key[0] & 0xFF) == 0x81 ? 0 : 0xFF;
            for (int i = 3; i < key.length; i++) if ((key[i] & 0xFF) == term) return i + 1;
            return key.length;
        }
        for (int i = 0; i + 1 < key.length; i++) {
            if (key[i] == 0) {
                if (key[i + 1] == 1) return i + 2;
                i++;
            }
        }
        return key.length;
    }
}
