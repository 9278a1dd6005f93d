package dev.keyhole.fuzz.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.wire.HttpAnswer;
import java.io.IOException;

/** What every server oracle checks first, whatever the protocol: an answer came, it is no server error. */
final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    /** True for a rejection (4xx), false for a success; a {@link Finding} for silence or a 5xx. */
    static boolean rejected(HttpAnswer a) {
        if (a == null) {
            throw new Finding(Finding.Kind.SERVER_ERROR, "the connection closed without an answer");
        }
        if (a.status() >= 500) {
            throw new Finding(Finding.Kind.SERVER_ERROR, "answered " + a.status() + ": " + a.text());
        }
        return a.status() >= 400;
    }

    /** The rejection's body as JSON; a {@link Finding} when it is not JSON. */
    static JsonNode json(HttpAnswer a) {
        try {
            JsonNode n = JSON.readTree(a.body());
            return n == null ? JSON.missingNode() : n;
        } catch (IOException e) {
            throw new Finding(Finding.Kind.BAD_REJECTION, "a " + a.status() + " whose body is not JSON: " + a.text());
        }
    }
}
