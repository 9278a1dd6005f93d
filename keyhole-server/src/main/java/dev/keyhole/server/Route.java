package dev.keyhole.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route: what registers it with the HTTP server and what documents it in OpenAPI, so the two cannot drift.
 *
 * @param method the HTTP method
 * @param path the path, with {@code {param}} placeholders
 * @param summary one line for the OpenAPI document
 * @param open whether it is reachable without authentication (only the paths in {@code KeyholeServer.OPEN_PATHS})
 * @param html whether it answers with a page rather than JSON (left out of the OpenAPI document)
 * @param handler what it does
 */
public record Route(HandlerType method, String path, String summary, boolean open, boolean html, Handler handler) {

    public static Route get(String path, String summary, Handler h) {
        return new Route(HandlerType.GET, path, summary, false, false, h);
    }

    public static Route post(String path, String summary, Handler h) {
        return new Route(HandlerType.POST, path, summary, false, false, h);
    }

    /** A page of the web UI. */
    public static Route page(HandlerType method, String path, String summary, Handler h) {
        return new Route(method, path, summary, false, true, h);
    }

    /** Reachable without authentication. */
    public Route unauthenticated() {
        return new Route(method, path, summary, true, html, handler);
    }
}
