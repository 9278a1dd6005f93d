package dev.keyhole.iam.request;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys of one request. Key names are case-insensitive, values case-sensitive.
 *
 * <p>Immutable once built; lookups take the key already in lower case so the evaluator does not
 * lower-case on every comparison.
 */
public final class RequestContext {

    private static final RequestContext EMPTY = new RequestContext(Map.of(), Map.of());

    // INVARIANT: keys are lower case (Locale.ROOT).
    private final Map<String, ContextValue> byLowerKey;
    private final Map<String, ContextValue> asGiven;

    private RequestContext(Map<String, ContextValue> byLowerKey, Map<String, ContextValue> asGiven) {
        this.byLowerKey = byLowerKey;
        this.asGiven = asGiven;
    }

    /** A context with no keys. */
    public static RequestContext empty() {
        return EMPTY;
    }

    /** A builder for a new context. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value for a key already in lower case, or {@code null} when the key is absent. */
    public ContextValue getLower(String lowerKey) {
        return byLowerKey.get(lowerKey);
    }

    /** The value for a key in any case, or {@code null}. */
    public ContextValue get(String key) {
        return byLowerKey.get(key.toLowerCase(Locale.ROOT));
    }

    /** The keys and values with the key names as they were given, in insertion order. */
    public Map<String, ContextValue> asMap() {
        return Collections.unmodifiableMap(asGiven);
    }

    /** A builder that starts from this context's keys. */
    public Builder toBuilder() {
        Builder b = new Builder();
        asGiven.forEach(b::put);
        return b;
    }

    /** Collects keys; a later {@code put} for the same key (in any case) replaces the earlier one. */
    public static final class Builder {
        private final Map<String, ContextValue> byLowerKey = new HashMap<>();
        private final Map<String, ContextValue> asGiven = new LinkedHashMap<>();
        private final Map<String, String> givenName = new HashMap<>();

        /** Sets a key. */
        public Builder put(String key, ContextValue value) {
            String lower = key.toLowerCase(Locale.ROOT);
            String previous = givenName.put(lower, key);
            if (previous != null) {
                asGiven.remove(previous);
            }
            byLowerKey.put(lower, value);
            asGiven.put(key, value);
            return this;
        }

        /** Sets a single-valued key. */
        public Builder put(String key, String value) {
            return put(key, ContextValue.of(value));
        }

        /** Sets a multivalued key. */
        public Builder putSet(String key, List<String> values) {
            return put(key, ContextValue.ofSet(values));
        }

        /** Sets a key only when it is not set yet. */
        public Builder putIfAbsent(String key, String value) {
            if (value != null && !byLowerKey.containsKey(key.toLowerCase(Locale.ROOT))) {
                put(key, ContextValue.of(value));
            }
            return this;
        }

        /** Whether the key is set, in any case. */
        public boolean contains(String key) {
            return byLowerKey.containsKey(key.toLowerCase(Locale.ROOT));
        }

        /** The immutable context. */
        public RequestContext build() {
            return new RequestContext(Map.copyOf(byLowerKey), new LinkedHashMap<>(asGiven));
        }
    }
}
