package dev.keyhole.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Differential test: Query and Scan, followed page by page with small limits, against a tiny reference
 * model (a list, sorted with independently written comparators) on seeded random tables and items.
 */
class QueryScanPropertyTest {

    private static final String[] TYPES = {"S", "N", "B"};

    /** A generated item: partition key, sort key, optional number attribute {@code a}. */
    record Row(String pk, String sk, Integer a) {}

    @Test
    void queryAndScanAgreeWithTheReferenceModel() {
        for (long seed = 1; seed <= 60; seed++) {
            runSeed(seed);
        }
    }

    private void runSeed(long seed) {
        Random rnd = new Random(seed);
        String skType = TYPES[rnd.nextInt(3)];
        try (DynamoDbEngine engine = DynamoDbEngine.open(null, "r", "1", EngineFixture.CLOCK)) {
            engine.handle("CreateTable", EngineFixture.j("{'TableName':'tbl','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':"
                    + "[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'" + skType + "'}],"
                    + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]}"));
            List<Row> rows = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            int n = rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                Row row = new Row("p" + rnd.nextInt(3), sortValue(rnd, skType), rnd.nextInt(4) == 0 ? null : rnd.nextInt(10) - 5);
                if (!keys.add(row.pk + "|" + canonical(row.sk, skType))) continue;
                rows.add(row);
                ObjectNode item = EngineFixture.MAPPER.createObjectNode();
                item.putObject("pk").put("S", row.pk);
                item.putObject("sk").put(skType, row.sk);
                if (row.a != null) item.putObject("a").put("N", row.a.toString());
                engine.handle("PutItem", EngineFixture.MAPPER.createObjectNode().put("TableName", "tbl").set("Item", item));
            }
            for (int q = 0; q < 8; q++) {
                checkQuery(engine, rows, rnd, skType, seed);
            }
            checkScan(engine, rows, rnd, seed);
        }
    }

    private static String sortValue(Random rnd, String type) {
        return switch (type) {
            case "S" -> {
                String alphabet = "aAb\u00e9\uFF21z0";
                StringBuilder sb = new StringBuilder();
                int len = 1 + rnd.nextInt(3);
                for (int i = 0; i < len; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                if (rnd.nextInt(8) == 0) sb.append("\uD83D\uDE00");
                yield sb.toString();
            }
            case "N" -> {
                int whole = rnd.nextInt(2001) - 1000;
                yield rnd.nextBoolean() ? String.valueOf(whole) : whole + "." + rnd.nextInt(100);
            }
            default -> {
                byte[] b = new byte[1 + rnd.nextInt(3)];
                for (int i = 0; i < b.length; i++) b[i] = (byte) (rnd.nextInt(4) * 85);
                yield java.util.Base64.getEncoder().encodeToString(b);
            }
        };
    }

    private static String canonical(String v, String type) {
        return type.equals("N") ? new BigDecimal(v).stripTrailingZeros().toPlainString() : v;
    }

    /** The reference order: UTF-8 bytes, numbers, unsigned bytes. */
    private static Comparator<String> order(String type) {
        return switch (type) {
            case "S" -> (x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
            case "N" -> Comparator.comparing(BigDecimal::new);
            default -> (x, y) -> Arrays.compareUnsigned(java.util.Base64.getDecoder().decode(x), java.util.Base64.getDecoder().decode(y));
        };
    }

    private void checkQuery(DynamoDbEngine engine, List<Row> rows, Random rnd, String skType, long seed) {
        Comparator<String> cmp = order(skType);
        String pk = "p" + rnd.nextInt(3);
        String lo = sortValue(rnd, skType);
        String hi = sortValue(rnd, skType);
        if (cmp.compare(lo, hi) > 0) { String t = lo; lo = hi; hi = t; }
        String[] ops = {"", "=", "<", "<=", ">", ">=", "BETWEEN", "begins_with"};
        String op = ops[rnd.nextInt(skType.equals("N") ? 7 : 8)];
        if (op.equals("begins_with") && skType.equals("S")) lo = lo.substring(0, 1);
        final String l = lo;
        final String h = hi;
        Predicate<Row> keyCond = switch (op) {
            case "" -> r -> true;
            case "=" -> r -> cmp.compare(r.sk, l) == 0;
            case "<" -> r -> cmp.compare(r.sk, l) < 0;
            case "<=" -> r -> cmp.compare(r.sk, l) <= 0;
            case ">" -> r -> cmp.compare(r.sk, l) > 0;
            case ">=" -> r -> cmp.compare(r.sk, l) >= 0;
            case "BETWEEN" -> r -> cmp.compare(r.sk, l) >= 0 && cmp.compare(r.sk, h) <= 0;
            default -> r -> skType.equals("S") ? r.sk.startsWith(l) : startsWith(r.sk, l);
        };
        int threshold = rnd.nextInt(10) - 5;
        boolean withFilter = rnd.nextBoolean();
        Predicate<Row> filter = withFilter ? r -> r.a != null && r.a >= threshold : r -> true;
        boolean forward = rnd.nextBoolean();
        Integer limit = rnd.nextInt(3) == 0 ? null : 1 + rnd.nextInt(5);

        List<Row> inRange = rows.stream().filter(r -> r.pk.equals(pk)).filter(keyCond)
                .sorted((x, y) -> cmp.compare(x.sk, y.sk)).toList();
        if (!forward) inRange = inRange.reversed();
        List<String> expected = inRange.stream().filter(filter).map(r -> canonical(r.sk, skType)).toList();

        ObjectNode req = EngineFixture.MAPPER.createObjectNode().put("TableName", "tbl").put("ScanIndexForward", forward);
        String kce = "pk = :p" + switch (op) {
            case "" -> "";
            case "BETWEEN" -> " AND sk BETWEEN :lo AND :hi";
            case "begins_with" -> " AND begins_with(sk, :lo)";
            default -> " AND sk " + op + " :lo";
        };
        req.put("KeyConditionExpression", kce);
        ObjectNode values = req.putObject("ExpressionAttributeValues");
        values.putObject(":p").put("S", pk);
        if (!op.isEmpty()) values.putObject(":lo").put(skType, lo);
        if (op.equals("BETWEEN")) values.putObject(":hi").put(skType, hi);
        if (withFilter) {
            req.put("FilterExpression", "a >= :t");
            values.putObject(":t").put("N", String.valueOf(threshold));
        }
        if (limit != null) req.put("Limit", limit);
        List<String> actual = follow(engine, "Query", req, limit, skType);
        assertThat(actual).as("seed %d query %s forward=%s limit=%s", seed, kce, forward, limit).isEqualTo(expected);
    }

    private static boolean startsWith(String b64, String prefixB64) {
        byte[] a = java.util.Base64.getDecoder().decode(b64);
        byte[] p = java.util.Base64.getDecoder().decode(prefixB64);
        return a.length >= p.length && Arrays.equals(a, 0, p.length, p, 0, p.length);
    }

    private void checkScan(DynamoDbEngine engine, List<Row> rows, Random rnd, long seed) {
        int limit = 1 + rnd.nextInt(7);
        int segments = 1 + rnd.nextInt(3);
        List<String> all = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            ObjectNode req = EngineFixture.MAPPER.createObjectNode().put("TableName", "tbl").put("Limit", limit)
                    .put("Segment", s).put("TotalSegments", segments).put("FilterExpression", "attribute_exists(a)");
            JsonNode last = null;
            do {
                if (last != null) req.set("ExclusiveStartKey", last);
                JsonNode out = engine.handle("Scan", req);
                assertThat(out.get("ScannedCount").asInt()).isLessThanOrEqualTo(limit);
                out.get("Items").forEach(i -> all.add(i.get("pk").get("S").asText() + "|" + i.get("sk").toString()));
                last = out.get("LastEvaluatedKey");
            } while (last != null);
        }
        long expected = rows.stream().filter(r -> r.a != null).count();
        assertThat(all).as("seed %d scan", seed).hasSize((int) expected).doesNotHaveDuplicates();
    }

    private static List<String> follow(DynamoDbEngine engine, String op, ObjectNode req, Integer limit, String skType) {
        List<String> out = new ArrayList<>();
        JsonNode last = null;
        int guard = 0;
        do {
            if (last != null) req.set("ExclusiveStartKey", last);
            JsonNode page = engine.handle(op, req);
            if (limit != null) assertThat(page.get("ScannedCount").asInt()).isLessThanOrEqualTo(limit);
            page.get("Items").forEach(i -> out.add(canonical(i.get("sk").get(skType).asText(), skType)));
            last = page.get("LastEvaluatedKey");
        } while (last != null && ++guard < 1000);
        return out;
    }
}
