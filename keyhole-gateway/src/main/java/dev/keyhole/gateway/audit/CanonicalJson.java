package dev.keyhole.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one encoding of an {@link AuditEvent} that the chain hashes: UTF-8 JSON, one object, keys sorted
 * by code point at every level, no white space, no nulls, times as ISO-8601 instants in UTC.
 *
 * <p>The chain hashes the stored text exactly, so a verifier never needs to re-encode; the canonical
 * form only makes two writers of the same event agree and keeps records diff-able.
 */
public final class CanonicalJson {

    /** Keys every record has; optional fields may not reuse them. */
    static final Set<String> CORE = Set.of("v", "type", "correlationId", "time", "principal");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CanonicalJson() {}

    /** The canonical text of {@code e}. */
    public static String encode(AuditEvent e) {
        for (String key : e.fields().keySet()) {
            if (CORE.contains(key)) {
                throw new IllegalArgumentException("audit field `" + key + "` is reserved for every record");
            }
        }
        String text = FastWriter.write(e);
        return text != null ? text : withJackson(e);
    }

    /**
     * The canonical text as Jackson writes it: the definition of the format, and what {@link #encode} falls back
     * to for values {@link FastWriter} does not write itself (a test holds the two to the same text).
     */
    static String withJackson(AuditEvent e) {
        Map<String, Object> m = new TreeMap<>();
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            m.put(f.getKey(), f.getValue() instanceof Map<?, ?> inner ? new TreeMap<>(inner) : f.getValue());
        }
        m.put("v", 1);
        m.put("type", e.type().word());
        m.put("correlationId", e.correlationId());
        m.put("time", e.time().toString());
        if (e.principal() != null) {
            m.put("principal", e.principal());
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit event cannot be encoded: " + ex.getOriginalMessage(), ex);
        }
    }

    /** Reads back a record's text; the inverse of {@link #encode}. */
    public static AuditEvent decode(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit record is not JSON: " + ex.getOriginalMessage(), ex);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!CORE.contains(f.getKey())) {
                fields.put(f.getKey(), value(f.getValue()));
            }
        }
        return new AuditEvent(AuditEvent.Type.valueOf(n.path("type").asText().toUpperCase(java.util.Locale.ROOT)),
                n.path("correlationId").asText(), Instant.parse(n.path("time").asText()),
                n.hasNonNull("principal") ? n.get("principal").asText() : null, fields);
    }

    private static Object value(JsonNode v) {
        if (v.isObject()) {
            Map<String, Object> m = new TreeMap<>();
            v.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue())));
            return m;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asText();
    }
}
