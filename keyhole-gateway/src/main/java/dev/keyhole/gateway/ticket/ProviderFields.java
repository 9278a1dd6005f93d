package dev.keyhole.gateway.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed access to one provider's settings under {@code tickets.<name>}, recording a problem (and
 * returning {@code null} or a default) instead of throwing, so that every problem is reported at once.
 */
final class ProviderFields {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** Fields every provider type accepts. */
    private static final Set<String> COMMON = Set.of("type", "timeout");

    private final JsonNode node;
    private final String path;
    private final List<String> problems;
    private final Function<String, String> env;

    ProviderFields(JsonNode node, String path, List<String> problems, Function<String, String> env) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.env = env;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** {@code tickets.<name>}, for messages. */
    String path() {
        return path;
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /**
     * Reports every field that is neither common nor in {@code allowed}. A field that looks like an
     * inline secret is told to move to the environment; its value is never repeated.
     */
    void rejectUnknown(Set<String> allowed) {
        Set<String> all = new TreeSet<>(allowed);
        all.addAll(COMMON);
        node.fieldNames().forEachRemaining(key -> {
            if (all.contains(key)) {
                return;
            }
            if (all.contains(key + "Env")) {
                problem("`" + path + "." + key + "` would put a secret in keyhole.yaml; export it as an "
                        + "environment variable and name that variable in `" + key + "Env`");
                return;
            }
            // The lists are short, so naming them all helps more than guessing at a typo.
            String hint = all.stream().filter(a -> a.equalsIgnoreCase(key)).findFirst()
                    .map(a -> "; did you mean `" + a + "`?")
                    .orElse("; allowed here: " + String.join(", ", all));
            problem("unknown field `" + path + "." + key + "`" + hint);
        });
    }

    /** A text field, or {@code null} (with a problem when {@code example} is given, meaning required). */
    String text(String field, String example) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            if (example != null) {
                problem("`" + path + "` needs `" + field + "`, e.g. `" + field + ": " + example + "`");
            }
            return null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            problem("`" + path + "." + field + "` must be non-empty text");
            return null;
        }
        return n.textValue();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problem("`" + path + "." + field + "` must be `true` or `false`");
            return fallback;
        }
        return n.booleanValue();
    }

    /** The {@code timeout} field: an ISO 8601 duration from above zero to a minute. */
    Duration timeout() {
        String text = text("timeout", null);
        if (text == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration d = Duration.parse(text);
            if (!d.isNegative() && !d.isZero() && d.compareTo(MAX_TIMEOUT) <= 0) {
                return d;
            }
            problem("`" + path + ".timeout` must be above zero and at most `PT60S`, not `" + text + "`");
        } catch (DateTimeParseException e) {
            problem("`" + path + ".timeout` `" + text + "` is not an ISO 8601 duration such as `PT5S`");
        }
        return DEFAULT_TIMEOUT;
    }

    /**
     * An absolute http(s) URL with a host and no user info or fragment; {@code fallback} when absent, and
     * required when there is no fallback.
     */
    URI url(String field, String fallback, String example) {
        String text = fallback == null ? text(field, example) : text(field, null);
        if (text == null) {
            return fallback == null ? null : URI.create(fallback);
        }
        try {
            URI u = new URI(text);
            boolean web = "https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme());
            if (web && u.getHost() != null && u.getRawUserInfo() == null && u.getRawFragment() == null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem("`" + path + "." + field + "` `" + text + "` is not an http(s) URL such as `" + example + "`");
        return null;
    }

    /**
     * Reads the secret in the environment variable named by {@code envField}; {@code null} when the field
     * is absent or the variable is unset (the latter a problem).
     */
    String secret(String envField) {
        String variable = text(envField, null);
        return variable == null ? null : env(variable, envField);
    }

    /** The value of environment variable {@code variable}, named by {@code field}; {@code null} (a problem) when unset. */
    String env(String variable, String field) {
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            problem("environment variable `" + variable + "` named by `" + path + "." + field
                    + "` is not set; export it before starting keyhole");
            return null;
        }
        return value;
    }

    /** A mapping from text to text, e.g. HTTP header name to value; empty when absent. */
    Map<String, String> textMap(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            problem("`" + path + "." + field + "` must be a mapping such as `{X-Team: dba}`");
            return out;
        }
        n.properties().forEach(e -> {
            if (e.getValue().isTextual() || e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asText());
            } else {
                problem("`" + path + "." + field + "." + e.getKey() + "` must be text");
            }
        });
        return out;
    }
}
