package dev.keyhole.runbook.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one YAML document into {@link YamlNode}s with locations, using Jackson's YAML parser. */
public final class YamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlReader() {}

    /** A YAML syntax error, located. */
    public static final class SyntaxError extends Exception {
        private final transient Location location;

        SyntaxError(Location location, String message) {
            super(message);
            this.location = location;
        }

        /** Where the parser stopped. */
        public Location location() {
            return location;
        }
    }

    /** Parses {@code text}; {@code file} is only used in locations. Duplicate keys are syntax errors. */
    public static YamlNode read(String file, String text) throws SyntaxError {
        try (JsonParser p = YAML.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode.Scalar(new Location(file, 1, 1), null, YamlNode.Scalar.Kind.NULL);
            }
            return node(file, p, t);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location at = l == null ? new Location(file, 1, 1) : new Location(file, l.getLineNr(), l.getColumnNr());
            throw new SyntaxError(at, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyntaxError(new Location(file, 1, 1), "cannot read: " + e.getMessage());
        }
    }

    private static YamlNode node(String file, JsonParser p, JsonToken t) throws IOException {
        Location at = loc(file, p.currentTokenLocation());
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    keys.put(name, loc(file, p.currentTokenLocation()));
                    entries.put(name, node(file, p, p.nextToken()));
                }
                return new YamlNode.Mapping(at, entries, keys);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(file, p, next));
                }
                return new YamlNode.Sequence(at, items);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Kind.STRING);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Kind.NUMBER);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Kind.BOOLEAN);
            case VALUE_NULL:
                return new YamlNode.Scalar(at, null, YamlNode.Scalar.Kind.NULL);
            default:
                return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Kind.STRING);
        }
    }

    private static Location loc(String file, JsonLocation l) {
        return new Location(file, l.getLineNr(), l.getColumnNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
