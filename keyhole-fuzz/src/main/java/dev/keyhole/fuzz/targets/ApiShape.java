package dev.keyhole.fuzz.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.wire.HttpAnswer;

/**
 * The oracle every answer of keyhole's HTTP API must pass: no 5xx and no silence; a rejection is a 4xx whose
 * JSON body carries the error code and a non-blank message, as the API documents its errors. Returns
 * {@code status error} for signatures.
 */
final class ApiShape {

    private ApiShape() {}

    static String check(HttpAnswer a) {
        if (!Answers.rejected(a)) {
            return String.valueOf(a.status());
        }
        JsonNode n = Answers.json(a);
        if (n.path("error").asText("").isBlank() || n.path("message").asText("").isBlank()) {
            throw new Finding(Finding.Kind.BAD_REJECTION, "a " + a.status() + " without `error` and `message`: " + a.headers() + " " + a.text());
        }
        return a.status() + " " + n.path("error").asText() + " " + n.path("kind").asText("");
    }
}
