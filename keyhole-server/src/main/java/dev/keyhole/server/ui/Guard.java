package dev.keyhole.server.ui;

import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.grants.GrantException;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.KeyholeServer;
import io.javalin.http.Handler;

/**
 * Turns what a page's handler throws into a page with the message and the status the JSON API would give
 * (400 bad input, 403 refused, 404 unknown), instead of a JSON error a person would have to read.
 * Pages that can show the message beside their form catch it themselves first.
 */
final class Guard {

    private Guard() {}

    static Handler page(Templates t, Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (ApiError e) {
                t.error(ctx, e.status(), title(e.status()), e.getMessage());
            } catch (Refusal e) {
                t.error(ctx, KeyholeServer.status(e.kind()), "Refused", e.getMessage());
            } catch (GrantException e) {
                t.error(ctx, 403, "Refused", e.getMessage());
            }
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Refused";
            case 404 -> "Not found";
            default -> "Error";
        };
    }
}
