package dev.keyhole.drift.privileges;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.policy.Policy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Policy documents as IAM returns them: the API gives them URL-encoded (RFC 3986), the AWS CLI
 * decodes them into JSON objects; a document may also be plain JSON text.
 */
final class PolicyDocuments {

    private PolicyDocuments() {}

    static Policy decode(JsonNode doc) {
        if (doc == null || doc.isNull()) {
            throw new IllegalArgumentException("policy document missing");
        }
        return doc.isTextual() ? decode(doc.asText()) : PolicyParser.parse(doc);
    }

    static Policy decode(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            // URLDecoder turns '+' into a space, as RFC 3986 encoders never emit a bare '+' for one.
            t = URLDecoder.decode(t, StandardCharsets.UTF_8);
        }
        return PolicyParser.parse(t);
    }
}
