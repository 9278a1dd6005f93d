package dev.keyhole.server;

import dev.keyhole.gateway.Caller;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.util.List;

/**
 * Browser sign-in: a person pastes an API token (or an OpenID Connect token) once and gets a session cookie
 * (HttpOnly, SameSite=Strict, Secure behind TLS) plus a CSRF token for writes. Sign-in is the one route
 * besides health that answers without a session.
 */
public final class SignIn {

    private SignIn() {}

    static List<Route> routes(Services s, Sessions sessions, Page page) {
        return List.of(
                Route.page(HandlerType.GET, "/login", "The sign-in page", ctx -> page.render(ctx, null)).unauthenticated(),
                Route.page(HandlerType.POST, "/login", "Sign in with a token", ctx -> signIn(ctx, s, sessions, page))
                        .unauthenticated(),
                Route.page(HandlerType.POST, "/logout", "Sign out", ctx -> {
                    Sessions.Session current = ctx.attribute("keyhole.session");
                    sessions.close(current == null ? null : current.id());
                    ctx.removeCookie(Sessions.COOKIE, "/");
                    ctx.redirect("/login");
                }));
    }

    /** Renders the sign-in page, with an error message or none. */
    @FunctionalInterface
    public interface Page {
        void render(Context ctx, String error);
    }

    private static void signIn(Context ctx, Services s, Sessions sessions, Page page) {
        String token = ctx.formParam("token");
        Caller who;
        try {
            if (token == null || token.isBlank()) {
                throw new ApiError(401, "unauthenticated", "paste your token");
            }
            who = s.authenticator().authenticate(token.strip());
        } catch (ApiError e) {
            ctx.status(401);
            page.render(ctx, e.getMessage());
            return;
        }
        Sessions.Session session = sessions.open(who);
        boolean tls = "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.cookie(new Cookie(Sessions.COOKIE, session.id(), "/", -1, tls, true, null, SameSite.STRICT));
        ctx.redirect("/");
    }

    /** A plain sign-in form, for servers without the web UI. */
    static final Page PLAIN = (ctx, error) -> ctx.contentType("text/html; charset=utf-8").result("""
            <!doctype html><html><head><title>keyhole — sign in</title></head><body>
            <h1>keyhole</h1><form method="post" action="/login">
            <label>Token <input type="password" name="token" autocomplete="off"></label>
            <button type="submit">Sign in</button></form>%s</body></html>"""
            .formatted(error == null ? "" : "<p role=\"alert\">" + escape(error) + "</p>"));

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
