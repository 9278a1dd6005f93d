package dev.keyhole.gateway.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes the canonical text of the events the gateway makes (strings, whole numbers, finite doubles, booleans,
 * and maps and lists of them) through one Jackson generator, without the copies into sorted maps and the
 * serializer lookups of {@link CanonicalJson#withJackson}; every record is written twice per run, on the request
 * path. Escaping and number formatting are the generator's, the same as the mapper's. Any other value, a null
 * inside a map or list, or a map keyed by anything but strings gives {@code null}: the caller then uses
 * {@link CanonicalJson#withJackson}, whose text this matches character for character.
 */
final class FastWriter {

    /** The keys every record has, in the order the canonical text sorts them. */
    private static final String[] CORE_KEYS = {"correlationId", "principal", "time", "type", "v"};

    private static final JsonFactory JSON = new JsonFactory();

    private FastWriter() {}

    /** The canonical text of {@code e}, or {@code null} when it holds a value this writer leaves to Jackson. */
    static String write(AuditEvent e) {
        Object[] core = {e.correlationId(), e.principal(), e.time().toString(), e.type().word(), 1};
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            int next = 0;
            String previous = null;
            for (Map.Entry<String, Object> f : e.fields().entrySet()) {
                String key = f.getKey();
                if (previous != null && previous.compareTo(key) >= 0) {
                    return null; // not sorted after all: leave it to the definition
                }
                previous = key;
                for (; next < CORE_KEYS.length && CORE_KEYS[next].compareTo(key) < 0; next++) {
                    member(g, CORE_KEYS[next], core[next]);
                }
                if (f.getValue() == null) {
                    return null;
                }
                g.writeFieldName(key);
                if (!value(g, f.getValue())) {
                    return null;
                }
            }
            for (; next < CORE_KEYS.length; next++) {
                member(g, CORE_KEYS[next], core[next]);
            }
            g.writeEndObject();
        } catch (IOException cannot) {
            return null; // a StringWriter does not fail; should it, the definition decides
        }
        return text.toString();
    }

    /** A core member; an absent principal is left out. */
    private static void member(JsonGenerator g, String key, Object value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            value(g, value);
        }
    }

    private static boolean value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return false;
            }
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            return map(g, m);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                if (item == null || !value(g, item)) {
                    return false;
                }
            }
            g.writeEndArray();
        } else {
            return false;
        }
        return true;
    }

    /** A map with its keys sorted, as Jackson's ORDER_MAP_ENTRIES_BY_KEYS sorts them (natural String order). */
    private static boolean map(JsonGenerator g, Map<?, ?> m) throws IOException {
        if (m instanceof SortedMap<?, ?> sorted && sorted.comparator() != null) {
            return false; // Jackson keeps a sorted map's own order
        }
        String[] keys = new String[m.size()];
        int n = 0;
        for (Object k : m.keySet()) {
            if (!(k instanceof String s) || n == keys.length) {
                return false;
            }
            keys[n++] = s;
        }
        if (n != keys.length) {
            return false;
        }
        if (!(m instanceof SortedMap<?, ?>)) {
            Arrays.sort(keys);
        }
        g.writeStartObject();
        for (String key : keys) {
            Object v = m.get(key);
            if (v == null) {
                return false;
            }
            g.writeFieldName(key);
            if (!value(g, v)) {
                return false;
            }
        }
        g.writeEndObject();
        return true;
    }
}
