package dev.keyhole.drift.map;

import com.fasterxml.jackson.databind.JsonNode;

/** Members of AWS JSON by name in any case: CloudTrail writes lower camel case, the APIs Pascal case. */
public final class JsonMembers {

    private JsonMembers() {}

    /** The member {@code name} of {@code node}, exact spelling first, or {@code null}. */
    public static JsonNode member(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(name);
        if (v != null) {
            return v;
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return node.get(f);
            }
        }
        return null;
    }

    /** The member as text, or {@code null} when absent or null. */
    public static String text(JsonNode node, String name) {
        JsonNode v = member(node, name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
