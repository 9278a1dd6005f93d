package dev.keyhole.gateway.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes the canonical text of the events the gateway makes (strings, whole numbers, finite doubles, booleans,
 * and maps and lists of them) straight into one buffer, without Jackson's copies into sorted maps and its
 * serializer lookups; every record is written twice per run, on the request path. Any other value, a null
 * inside a map or list, or a map keyed by anything but strings gives {@code null}: the caller then uses
 * {@link CanonicalJson#withJackson}, whose text this matches character for character.
 */
final class FastWriter {

    /** The keys every record has, in the order the canonical text sorts them. */
    private static final String[] CORE_KEYS = {"correlationId", "principal", "time", "type", "v"};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FastWriter() {}

    /** The canonical text of {@code e}, or {@code null} when it holds a value this writer leaves to Jackson. */
    static String write(AuditEvent e) {
        Object[] core = {e.correlationId(), e.principal(), e.time().toString(), e.type().word(), 1};
        StringBuilder out = new StringBuilder(512).append('{');
        int next = 0;
        String previous = null;
        boolean first = true;
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            String key = f.getKey();
            if (previous != null && previous.compareTo(key) >= 0) {
                return null; // not sorted after all: leave it to the definition
            }
            previous = key;
            for (; next < CORE_KEYS.length && CORE_KEYS[next].compareTo(key) < 0; next++) {
                first = member(out, CORE_KEYS[next], core[next], first);
            }
            if (f.getValue() == null) {
                return null;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, key);
            out.append(':');
            if (!value(out, f.getValue())) {
                return null;
            }
        }
        for (; next < CORE_KEYS.length; next++) {
            first = member(out, CORE_KEYS[next], core[next], first);
        }
        return out.append('}').toString();
    }

    /** A core member; an absent principal is left out. Returns whether the object is still empty. */
    private static boolean member(StringBuilder out, String key, Object value, boolean first) {
        if (value == null) {
            return first;
        }
        if (!first) {
            out.append(',');
        }
        string(out, key);
        out.append(':');
        value(out, value);
        return false;
    }

    private static boolean value(StringBuilder out, Object v) {
        if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return false;
            }
            out.append(Double.toString(d));
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Map<?, ?> m) {
            return map(out, m);
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object item = l.get(i);
                if (item == null || !value(out, item)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    /** A map with its keys sorted, as Jackson's ORDER_MAP_ENTRIES_BY_KEYS sorts them (natural String order). */
    private static boolean map(StringBuilder out, Map<?, ?> m) {
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
        out.append('{');
        for (int i = 0; i < n; i++) {
            Object v = m.get(keys[i]);
            if (v == null) {
                return false;
            }
            if (i > 0) {
                out.append(',');
            }
            string(out, keys[i]);
            out.append(':');
            if (!value(out, v)) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    /** A JSON string, escaped as Jackson escapes it: quote, backslash and control characters only. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, start, s.length()).append('"');
    }
}
