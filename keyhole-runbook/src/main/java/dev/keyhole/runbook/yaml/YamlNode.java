package dev.keyhole.runbook.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with its location: a mapping, a sequence or a scalar. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Where the value starts. */
    Location location();

    /** What kind of value this is, in words for messages (`a mapping`, `a list`, `the string "x"`). */
    String describe();

    /**
     * A mapping; keys keep their own locations for "unknown field" errors.
     *
     * @param entries key text to value, in document order
     * @param keyLocations key text to where the key is written
     */
    record Mapping(Location location, LinkedHashMap<String, YamlNode> entries, Map<String, Location> keyLocations)
            implements YamlNode {
        @Override
        public String describe() {
            return "a mapping";
        }

        /** The value under {@code key}, or {@code null}. */
        public YamlNode get(String key) {
            return entries.get(key);
        }
    }

    /** A sequence. */
    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar; {@code text} is {@code null} for YAML null.
     *
     * @param kind what YAML typed it as: string, number, boolean or null
     */
    record Scalar(Location location, String text, Kind kind) implements YamlNode {
        /** The YAML type of a scalar. */
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "null";
                case STRING -> "the text `" + text + "`";
                default -> "`" + text + "`";
            };
        }
    }
}
