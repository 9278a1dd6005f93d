package dev.keyhole.server.ui;

import dev.keyhole.gateway.Caller;
import dev.keyhole.server.Http;
import dev.keyhole.server.Sessions;
import io.javalin.http.Context;

/**
 * What every page's frame shows: its title, which menu entry is current, who is signed in, the CSRF token its
 * forms carry, and a message for the person (a notice after something worked, an error when it did not).
 *
 * @param title the page's title
 * @param active the current menu entry's path, e.g. {@code /runbooks}
 * @param user who is signed in, or {@code null} on the sign-in page
 * @param csrf the session's CSRF token, or {@code null} (a bearer-authenticated caller needs none)
 * @param notice what just worked, or {@code null}
 * @param error what went wrong, or {@code null}
 */
record Frame(String title, String active, String user, String csrf, String notice, String error) {

    /** The frame of a signed-in page. */
    static Frame of(Context ctx, String title, String active) {
        Caller c = Http.caller(ctx);
        Sessions.Session session = ctx.attribute("keyhole.session");
        return new Frame(title, active, c.name(), session == null ? null : session.csrf(), null, null);
    }

    /** {@code page} for the menu entry of the current page (its {@code aria-current}), else {@code null}. */
    String current(String path) {
        return path.equals(active) ? "page" : null;
    }

    Frame withNotice(String text) {
        return new Frame(title, active, user, csrf, text, error);
    }

    Frame withError(String text) {
        return new Frame(title, active, user, csrf, notice, text);
    }
}
