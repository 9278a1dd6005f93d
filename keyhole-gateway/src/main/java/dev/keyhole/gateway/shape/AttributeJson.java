package dev.keyhole.gateway.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts SDK attribute values to JSON: DynamoDB's typed form ({@code {"S": "x"}}), for cursors, and a
 * plain form ({@code "x"}, numbers as numbers), for people and scripts.
 */
public final class AttributeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeJson() {}

    /** An item in DynamoDB's typed JSON. */
    public static ObjectNode typed(Map<String, AttributeValue> item) {
        ObjectNode o = NODES.objectNode();
        item.forEach((k, v) -> o.set(k, typed(v)));
        return o;
    }

    private static JsonNode typed(AttributeValue v) {
        ObjectNode o = NODES.objectNode();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case B -> o.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            case SS -> v.ss().forEach(o.putArray("SS")::add);
            case NS -> v.ns().forEach(o.putArray("NS")::add);
            case BS -> v.bs().forEach(b -> o.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
            case L -> v.l().forEach(e -> o.withArray("L").add(typed(e)));
            case M -> o.set("M", typed(v.m()));
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return o;
    }

    /** Reads DynamoDB's typed JSON back into SDK values. */
    public static Map<String, AttributeValue> fromTyped(JsonNode item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    private static AttributeValue value(JsonNode n) {
        var f = n.fields().next();
        JsonNode v = f.getValue();
        return switch (f.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream()
                    .map(s -> SdkBytes.fromByteArray(Base64.getDecoder().decode(s))).toList());
            case "L" -> {
                List<AttributeValue> l = new java.util.ArrayList<>();
                v.forEach(e -> l.add(value(e)));
                yield AttributeValue.fromL(l);
            }
            case "M" -> AttributeValue.fromM(fromTyped(v));
            default -> throw new IllegalArgumentException("unknown attribute type `" + f.getKey() + "`");
        };
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new java.util.ArrayList<>();
        arr.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** An item as plain JSON: strings, numbers, booleans, null, arrays and objects. */
    public static ObjectNode plain(Map<String, AttributeValue> item) {
        ObjectNode o = NODES.objectNode();
        item.forEach((k, v) -> o.set(k, plain(v)));
        return o;
    }

    /** One value as plain JSON. */
    public static JsonNode plain(AttributeValue v) {
        return switch (v.type()) {
            case S -> NODES.textNode(v.s());
            case N -> NODES.numberNode(new BigDecimal(v.n()));
            case B -> NODES.textNode(Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> NODES.booleanNode(v.bool());
            case NUL -> NODES.nullNode();
            case SS -> {
                ArrayNode a = NODES.arrayNode();
                v.ss().forEach(a::add);
                yield a;
            }
            case NS -> {
                ArrayNode a = NODES.arrayNode();
                v.ns().forEach(s -> a.add(new BigDecimal(s)));
                yield a;
            }
            case BS -> {
                ArrayNode a = NODES.arrayNode();
                v.bs().forEach(b -> a.add(Base64.getEncoder().encodeToString(b.asByteArray())));
                yield a;
            }
            case L -> {
                ArrayNode a = NODES.arrayNode();
                v.l().forEach(e -> a.add(plain(e)));
                yield a;
            }
            case M -> plain(v.m());
            default -> NODES.nullNode();
        };
    }
}
