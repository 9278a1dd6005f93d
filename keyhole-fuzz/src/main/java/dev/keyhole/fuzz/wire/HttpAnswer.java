package dev.keyhole.fuzz.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A server's answer: status, headers (names lower-cased) and the body, de-chunked. */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return headers.getOrDefault("content-type", "");
    }
}
