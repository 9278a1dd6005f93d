package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value. The engine's own model: {@code dev.keyhole.dynamo.value} had not landed
 * when this was written; the two should converge.
 *
 * <p>INVARIANT: numbers are normalized ({@link BigDecimal#stripTrailingZeros()}), so {@code equals} on
 * {@link N} is numeric equality.
 */
sealed interface Av {

    JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, SS, NS, BS, L or M. */
    String type();

    record S(String v) implements Av {
        public String type() { return "S"; }
    }

    record N(BigDecimal v) implements Av {
        public String type() { return "N"; }
        String text() { return v.signum() == 0 ? "0" : v.toPlainString(); }
    }

    record B(byte[] v) implements Av {
        public String type() { return "B"; }
        @Override public boolean equals(Object o) { return o instanceof B b && Arrays.equals(v, b.v); }
        @Override public int hashCode() { return Arrays.hashCode(v); }
        @Override public String toString() { return "B(" + Base64.getEncoder().encodeToString(v) + ")"; }
    }

    record Bool(boolean v) implements Av {
        public String type() { return "BOOL"; }
    }

    record Null() implements Av {
        static final Null INSTANCE = new Null();
        public String type() { return "NULL"; }
    }

    /** A string set; insertion order kept, equality ignores order. */
    record SS(List<String> v) implements Av {
        public String type() { return "SS"; }
        @Override public boolean equals(Object o) { return o instanceof SS s && s.v.size() == v.size() && new HashSet<>(v).containsAll(s.v); }
        @Override public int hashCode() { return new HashSet<>(v).hashCode(); }
    }

    record NS(List<BigDecimal> v) implements Av {
        public String type() { return "NS"; }
        @Override public boolean equals(Object o) { return o instanceof NS s && s.v.size() == v.size() && new HashSet<>(v).containsAll(s.v); }
        @Override public int hashCode() { return new HashSet<>(v).hashCode(); }
    }

    record BS(List<byte[]> v) implements Av {
        public String type() { return "BS"; }
        @Override public boolean equals(Object o) {
            if (!(o instanceof BS s) || s.v.size() != v.size()) return false;
            for (byte[] x : s.v) if (!contains(v, x)) return false;
            return true;
        }
        @Override public int hashCode() { int h = 0; for (byte[] x : v) h += Arrays.hashCode(x); return h; }
        static boolean contains(List<byte[]> list, byte[] x) {
            for (byte[] y : list) if (Arrays.equals(x, y)) return true;
            return false;
        }
    }

    record L(List<Av> v) implements Av {
        public String type() { return "L"; }
    }

    record M(Map<String, Av> v) implements Av {
        public String type() { return "M"; }
    }

    // ---- JSON -------------------------------------------------------------------------------------

    /** Parses DynamoDB JSON ({@code {"S": "x"}}), with DynamoDB's validation messages. */
    static Av parse(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (node.size() > 1) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> e = node.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> new S(text(v));
            case "N" -> new N(Numbers.parse(text(v)));
            case "B" -> new B(bytes(v));
            case "BOOL" -> new Bool(v.asBoolean());
            case "NULL" -> Null.INSTANCE;
            case "SS" -> {
                List<String> out = new ArrayList<>();
                for (JsonNode x : array(v, "string")) out.add(text(x));
                if (new HashSet<>(out).size() != out.size()) {
                    throw DynamoDbException.validation("One or more parameter values were invalid: Input collection "
                            + out.toString() + " contains duplicates.");
                }
                yield new SS(out);
            }
            case "NS" -> {
                List<BigDecimal> out = new ArrayList<>();
                for (JsonNode x : array(v, "number")) out.add(Numbers.parse(text(x)));
                if (new HashSet<>(out).size() != out.size()) {
                    throw DynamoDbException.validation("Input collection contains duplicates");
                }
                yield new NS(out);
            }
            case "BS" -> {
                List<byte[]> out = new ArrayList<>();
                for (JsonNode x : array(v, "binary")) {
                    byte[] b = bytes(x);
                    if (BS.contains(out, b)) {
                        throw DynamoDbException.validation(
                                "One or more parameter values were invalid: Input collection contains duplicates.");
                    }
                    out.add(b);
                }
                yield new BS(out);
            }
            case "L" -> {
                List<Av> out = new ArrayList<>(v.size());
                for (JsonNode x : v) out.add(parse(x));
                yield new L(out);
            }
            case "M" -> new M(parseMap(v));
            default -> throw DynamoDbException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        };
    }

    /** Parses a map of attribute name to DynamoDB JSON value (an item, a key). */
    static Map<String, Av> parseMap(JsonNode node) {
        Map<String, Av> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) return out;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), parse(e.getValue()));
        }
        return out;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static byte[] bytes(JsonNode v) {
        try {
            return Base64.getDecoder().decode(text(v));
        } catch (IllegalArgumentException e) {
            throw new DynamoDbException(DynamoDbException.CORAL + "SerializationException",
                    "Base64 encoded length is expected a multiple of 4 bytes", 400); // wording not verified
        }
    }

    private static JsonNode array(JsonNode v, String kind) {
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: An " + kind
                    + " set  may not be empty");
        }
        return v;
    }

    /** Renders DynamoDB JSON. */
    default ObjectNode toJson() {
        ObjectNode o = JSON.objectNode();
        switch (this) {
            case S s -> o.put("S", s.v);
            case N n -> o.put("N", n.text());
            case B b -> o.put("B", Base64.getEncoder().encodeToString(b.v));
            case Bool b -> o.put("BOOL", b.v);
            case Null x -> o.put("NULL", true);
            case SS s -> { ArrayNode a = o.putArray("SS"); s.v.forEach(a::add); }
            case NS s -> { ArrayNode a = o.putArray("NS"); s.v.forEach(x -> a.add(new N(x).text())); }
            case BS s -> { ArrayNode a = o.putArray("BS"); s.v.forEach(x -> a.add(Base64.getEncoder().encodeToString(x))); }
            case L l -> { ArrayNode a = o.putArray("L"); l.v.forEach(x -> a.add(x.toJson())); }
            case M m -> o.set("M", mapToJson(m.v));
        }
        return o;
    }

    static ObjectNode mapToJson(Map<String, Av> item) {
        ObjectNode o = JSON.objectNode();
        item.forEach((k, x) -> o.set(k, x.toJson()));
        return o;
    }

    // ---- size ---------------------------------------------------------------------------------------

    /** DynamoDB's item size: attribute names plus values, as documented for capacity and the 400 KB limit. */
    static long itemSize(Map<String, Av> item) {
        long size = 0;
        for (Map.Entry<String, Av> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + e.getValue().size();
        }
        return size;
    }

    /** The size of this value without its name. */
    default long size() {
        return switch (this) {
            case S s -> utf8Length(s.v);
            case N n -> Numbers.size(n.v);
            case B b -> b.v.length;
            case Bool b -> 1;
            case Null x -> 1;
            case SS s -> { long t = 0; for (String x : s.v) t += utf8Length(x); yield t; }
            case NS s -> { long t = 0; for (BigDecimal x : s.v) t += Numbers.size(x); yield t; }
            case BS s -> { long t = 0; for (byte[] x : s.v) t += x.length; yield t; }
            case L l -> { long t = 3; for (Av x : l.v) t += 1 + x.size(); yield t; }
            case M m -> { long t = 3; for (Map.Entry<String, Av> e : m.v.entrySet()) t += 1 + utf8Length(e.getKey()) + e.getValue().size(); yield t; }
        };
    }

    static int utf8Length(String s) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) len += 1;
                else if (Character.isHighSurrogate(c)) { len += 2; i++; }
                else len += 2;
            }
        }
        return len;
    }

    // ---- ordering -----------------------------------------------------------------------------------

    /** Compares two scalars of the same type in DynamoDB order: UTF-8 bytes, numbers, unsigned bytes. */
    static int compareScalars(Av a, Av b) {
        if (a instanceof N x && b instanceof N y) return x.v.compareTo(y.v);
        if (a instanceof S x && b instanceof S y) return compareUtf8(x.v, y.v);
        if (a instanceof B x && b instanceof B y) return Arrays.compareUnsigned(x.v, y.v);
        throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
    }

    /** UTF-8 byte order equals code point order, which differs from UTF-16 order above U+D7FF. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static boolean isScalarKeyType(Av a) {
        return a instanceof S || a instanceof N || a instanceof B;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Set<String> names(Map<String, Av> item) {
        return item.keySet();
    }
}
