package dev.keyhole.fuzz.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.wire.HttpAnswer;
import java.io.IOException;

/**
 * The oracle every answer of keyhole's HTTP API must pass: no 5xx and no silence; a rejection is a 4xx whose
 * JSON body carries the error code and a non-blank message, as the API documents its errors. Returns
 * {@code status error} for signatures.
 */
final class ApiShape {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bad request line or path, URI too long, headers too large: answered by Jetty itself. */
    private static final java.util.Set<Integer> KNOWN_JETTY_REFUSALS = java.util.Set.of(400, 414, 431);

    private ApiShape() {}

    static String check(HttpAnswer a) {
        if (a == null) {
            throw new Finding(Finding.Kind.SERVER_ERROR, "the connection closed without an answer");
        }
        if (a.status() >= 500) {
            throw new Finding(Finding.Kind.SERVER_ERROR, "answered " + a.status() + ": " + a.text());
        }
        if (a.status() < 400) {
            return String.valueOf(a.status());
        }
        if (KNOWN_JETTY_REFUSALS.contains(a.status()) && !a.contentType().contains("json")) {
            // Known, not fixed (docs/fuzzing.md): Jetty refuses these before any route, in HTML or with no body.
            return a.status() + " jetty (known)";
        }
        JsonNode n;
        try {
            n = JSON.readTree(a.body());
        } catch (IOException e) {
            throw new Finding(Finding.Kind.BAD_REJECTION, "a " + a.status() + " whose body is not JSON: " + a.text());
        }
        if (n == null || n.path("error").asText("").isBlank() || n.path("message").asText("").isBlank()) {
            throw new Finding(Finding.Kind.BAD_REJECTION, "a " + a.status() + " without `error` and `message`: " + a.headers() + " " + a.text());
        }
        return a.status() + " " + n.path("error").asText() + " " + n.path("kind").asText("");
    }
}
