package dev.keyhole.local.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secondary index's definition.
 *
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes for INCLUDE, the extra attributes copied into the index
 */
record IndexDef(String name, boolean global, String hash, String range, String projectionType,
                List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {

    IndexDef {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    IndexDef withCapacity(long read, long write) {
        return new IndexDef(name, global, hash, range, projectionType, nonKeyAttributes, read, write);
    }

    /** The part of {@code item} the index stores: its keys, the table keys and the projected attributes. */
    Map<String, Av> project(Map<String, Av> item, TableDef table) {
        if (projectionType.equals("ALL")) return item;
        Map<String, Av> out = new LinkedHashMap<>();
        for (Map.Entry<String, Av> e : item.entrySet()) {
            String k = e.getKey();
            if (k.equals(hash) || k.equals(range) || k.equals(table.hash()) || k.equals(table.range())
                    || nonKeyAttributes.contains(k)) {
                out.put(k, e.getValue());
            }
        }
        return out;
    }

    boolean projects(String attribute, TableDef table) {
        return projectionType.equals("ALL") || attribute.equals(hash) || attribute.equals(range)
                || attribute.equals(table.hash()) || attribute.equals(table.range()) || nonKeyAttributes.contains(attribute);
    }
}
