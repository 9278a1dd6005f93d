package dev.keyhole.server;

import dev.keyhole.local.http.JsonRefusals;

/**
 * The answer to a request Jetty refuses before any route sees it (a path with a forbidden character or bad UTF-8,
 * a URI or headers over the limits, an unknown method): the API's JSON error shape instead of Jetty's HTML page.
 */
final class JettyErrors {

    private JettyErrors() {}

    static JsonRefusals handler() {
        return new JsonRefusals("application/json", (code, reason) -> Http.object()
                .put("error", code == 400 ? "bad-request" : "refused")
                .put("message", "the HTTP request was refused before keyhole read it: " + reason).toString());
    }
}
