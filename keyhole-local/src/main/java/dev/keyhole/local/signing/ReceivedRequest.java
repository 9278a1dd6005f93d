package dev.keyhole.local.signing;

import java.util.List;
import java.util.Map;

/**
 * What the server received, as the signature covers it.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, not decoded
 * @param rawQuery the query string as sent, or {@code null}
 * @param headers header name (lower case) to values
 * @param body the body bytes
 */
public record ReceivedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    /** The first value of a header (name in lower case), or {@code null}. */
    public String header(String lowerName) {
        List<String> v = headers.get(lowerName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
