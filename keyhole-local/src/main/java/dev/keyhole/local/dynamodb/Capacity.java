package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumed capacity as DynamoDB computes it: reads in 4 KB units (halved when eventually consistent),
 * writes in 1 KB units, at least one unit per request; reported as TOTAL or per table and index.
 */
final class Capacity {

    private final String table;
    private final boolean read;
    private double tableUnits;
    private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
    private final Map<String, Double> localIndexes = new LinkedHashMap<>();

    Capacity(String table, boolean read) {
        this.table = table;
        this.read = read;
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    Capacity addTable(double units) {
        tableUnits += units;
        return this;
    }

    Capacity addIndex(IndexDef index, double units) {
        (index.global() ? globalIndexes : localIndexes).merge(index.name(), units, Double::sum);
        return this;
    }

    double total() {
        double t = tableUnits;
        for (double v : globalIndexes.values()) t += v;
        for (double v : localIndexes.values()) t += v;
        return t;
    }

    /** The ConsumedCapacity object for {@code mode} (TOTAL or INDEXES), or null for NONE. */
    ObjectNode toJson(String mode) {
        if (mode == null || mode.equals("NONE")) return null;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("TableName", table);
        o.put("CapacityUnits", total());
        o.put(read ? "ReadCapacityUnits" : "WriteCapacityUnits", total());
        if (mode.equals("INDEXES")) {
            o.set("Table", units(tableUnits));
            if (!globalIndexes.isEmpty()) {
                ObjectNode g = o.putObject("GlobalSecondaryIndexes");
                globalIndexes.forEach((k, v) -> g.set(k, units(v)));
            }
            if (!localIndexes.isEmpty()) {
                ObjectNode l = o.putObject("LocalSecondaryIndexes");
                localIndexes.forEach((k, v) -> l.set(k, units(v)));
            }
        }
        return o;
    }

    private ObjectNode units(double v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(read ? "ReadCapacityUnits" : "WriteCapacityUnits", v);
        o.put("CapacityUnits", v);
        return o;
    }
}
