package dev.keyhole.fuzz.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.wire.HttpAnswer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oracle every answer of the local engine must pass: no 5xx and no silence; a rejection is a 4xx in the
 * shape of its protocol. DynamoDB's JSON 1.0 error: {@code __type} and {@code message} (the SDK also reads
 * {@code Message}), see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html ;
 * STS's query-protocol error: an {@code ErrorResponse} with {@code Code} and {@code Message}, see
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html . Returns the error type for signatures.
 */
final class AwsShape {

    private static final Pattern CODE = Pattern.compile("<Code>([^<]+)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]+)</Message>");

    private AwsShape() {}

    /** {@code status type} of a good answer; a {@link Finding} for a bad one. */
    static String check(HttpAnswer a) {
        if (!Answers.rejected(a)) {
            return String.valueOf(a.status());
        }
        return a.status() + " " + (a.contentType().contains("xml") ? xmlError(a) : jsonError(a));
    }

    private static String jsonError(HttpAnswer a) {
        JsonNode n = Answers.json(a);
        String type = n.path("__type").asText("");
        String message = n.path("message").asText(n.path("Message").asText(""));
        if (type.isBlank() || message.isBlank()) {
            throw new Finding(Finding.Kind.BAD_REJECTION, "a " + a.status() + " without `__type` and `message`: " + a.text());
        }
        return type.substring(type.indexOf('#') + 1);
    }

    private static String xmlError(HttpAnswer a) {
        Matcher code = CODE.matcher(a.text());
        Matcher message = MESSAGE.matcher(a.text());
        if (!a.text().contains("<ErrorResponse") || !code.find() || !message.find() || message.group(1).isBlank()) {
            throw new Finding(Finding.Kind.BAD_REJECTION, "a " + a.status() + " without an STS ErrorResponse: " + a.text());
        }
        return code.group(1);
    }
}
