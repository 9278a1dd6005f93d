package dev.keyhole.dynamo.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.dynamo.DynamoValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's JSON wire format for attribute values ({@code {"S":"x"}}, {@code {"N":"1"}},
 * {@code {"B":"base64"}}, {@code {"M":{...}}}, ...), read and written with Jackson's streaming parser
 * and generator: no tree, no reflection per item.
 *
 * <p>Readers take a parser positioned on the value's {@code START_OBJECT} and leave it on the matching
 * {@code END_OBJECT}. Shape errors are DynamoDB's messages; I/O errors are unchecked.
 */
public final class AttributeValueJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String ONE_TYPE = "must contain exactly one of the supported datatypes";

    private AttributeValueJson() {}

    /** Parses one attribute value from its JSON text. */
    public static AttributeValue parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an item (attribute name → value) from its JSON text. */
    public static Map<String, AttributeValue> parseItem(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return readItem(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an item from an already parsed tree (e.g. a request body's {@code Item}). */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        try (JsonParser p = node.traverse()) {
            p.nextToken();
            return readItem(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one attribute value; {@code p} is on its {@code START_OBJECT}. */
    public static AttributeValue read(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "Start of structure or map found where not expected.");
        AttributeValue value = null;
        boolean several = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String type = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            AttributeValue v = readTyped(type, p);
            if (v != null) {
                several |= value != null;
                value = v;
            }
        }
        if (several) {
            throw DynamoValidationException.validation("Supplied AttributeValue has more than one datatypes set, " + ONE_TYPE);
        }
        if (value == null) {
            throw DynamoValidationException.validation("Supplied AttributeValue is empty, " + ONE_TYPE);
        }
        return value;
    }

    /** Reads an item; {@code p} is on its {@code START_OBJECT}. */
    public static Map<String, AttributeValue> readItem(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "Expected map or null");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            item.put(name, read(p));
        }
        return item;
    }

    /**
     * Reads a request's {@code ExpressionAttributeValues}, wrapping a bad value in DynamoDB's
     * {@code ExpressionAttributeValues contains invalid value: ... for key :x}.
     */
    public static Map<String, AttributeValue> readExpressionAttributeValues(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "Expected map or null");
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            try {
                values.put(key, read(p));
            } catch (DynamoValidationException e) {
                if (!e.errorType().equals(DynamoValidationException.VALIDATION)) {
                    throw e;
                }
                throw DynamoValidationException.validation(
                        "ExpressionAttributeValues contains invalid value: " + e.getMessage() + " for key " + key);
            }
        }
        return values;
    }

    private static AttributeValue readTyped(String type, JsonParser p) throws IOException {
        return switch (type) {
            case "S" -> new AttributeValue.S(text(p));
            case "N" -> AttributeValue.N.of(text(p));
            case "B" -> new AttributeValue.B(bytes(p));
            case "BOOL" -> AttributeValue.bool(bool(p));
            case "NULL" -> {
                if (!bool(p)) {
                    throw DynamoValidationException.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                yield AttributeValue.NULL.INSTANCE;
            }
            case "L" -> {
                expect(p, JsonToken.START_ARRAY, "Expected list or null");
                List<AttributeValue> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                yield new AttributeValue.L(list);
            }
            case "M" -> new AttributeValue.M(readItem(p));
            case "SS" -> AttributeValue.ss(texts(p));
            case "NS" -> AttributeValue.ns(texts(p));
            case "BS" -> {
                expect(p, JsonToken.START_ARRAY, "Expected list or null");
                List<Bytes> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(bytes(p));
                }
                yield AttributeValue.bs(list);
            }
            default -> {
                // DynamoDB's deserializer ignores members it does not know
                p.skipChildren();
                yield null;
            }
        };
    }

    private static List<String> texts(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY, "Expected list or null");
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(text(p));
        }
        return list;
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw DynamoValidationException.serialization(notExpected(p.currentToken(), "String"));
        }
        return p.getText();
    }

    private static Bytes bytes(JsonParser p) throws IOException {
        String base64 = text(p);
        try {
            return Bytes.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            // wording not verified
            throw DynamoValidationException.serialization("'" + base64 + "' can not be converted to a Blob");
        }
    }

    private static boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw DynamoValidationException.serialization(notExpected(t, "Boolean"));
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static String notExpected(JsonToken t, String target) {
        if (t == JsonToken.START_OBJECT) {
            return "Start of structure or map found where not expected.";
        }
        if (t == JsonToken.START_ARRAY) {
            return "Start of list found where not expected";
        }
        // wording not verified for every scalar/target pair
        return "class " + (t == JsonToken.VALUE_STRING ? "java.lang.String"
                : t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE ? "java.lang.Boolean" : "java.lang.Integer")
                + " can not be converted to an " + target;
    }

    private static void expect(JsonParser p, JsonToken token, String message) {
        if (p.currentToken() != token) {
            throw DynamoValidationException.serialization(message);
        }
    }

    /** Writes one attribute value. */
    public static void write(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        g.writeFieldName(value.type());
        switch (value) {
            case AttributeValue.S s -> g.writeString(s.value());
            case AttributeValue.N n -> g.writeString(n.text());
            case AttributeValue.B b -> g.writeString(b.value().toBase64());
            case AttributeValue.BOOL b -> g.writeBoolean(b.value());
            case AttributeValue.NULL x -> g.writeBoolean(true);
            case AttributeValue.L l -> {
                g.writeStartArray();
                for (AttributeValue v : l.values()) {
                    write(g, v);
                }
                g.writeEndArray();
            }
            case AttributeValue.M m -> writeItem(g, m.values());
            case AttributeValue.SS ss -> {
                g.writeStartArray();
                for (String s : ss.values()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            case AttributeValue.NS ns -> {
                g.writeStartArray();
                for (BigDecimal n : ns.values()) {
                    g.writeString(Numbers.text(n));
                }
                g.writeEndArray();
            }
            case AttributeValue.BS bs -> {
                g.writeStartArray();
                for (Bytes b : bs.values()) {
                    g.writeString(b.toBase64());
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    /** Writes an item as a JSON object of attribute values. */
    public static void writeItem(JsonGenerator g, Map<String, AttributeValue> item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    /** The JSON text of one attribute value. */
    public static String toJson(AttributeValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The JSON text of an item. */
    public static String itemToJson(Map<String, AttributeValue> item) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeItem(g, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
