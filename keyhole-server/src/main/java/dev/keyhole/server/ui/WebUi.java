package dev.keyhole.server.ui;

import dev.keyhole.server.Route;
import dev.keyhole.server.Services;
import dev.keyhole.server.SignIn;
import dev.keyhole.server.drift.DriftService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The web UI: its pages as routes for {@code KeyholeServer.start}, behind the server's sign-in (session cookie,
 * CSRF token on every write), and its sign-in page. Only the static assets are open.
 */
public final class WebUi {

    private final Templates templates = new Templates();
    private final Services services;
    private final DriftService drift;

    /** The UI without a drift scan: the drift page says that none feeds it. */
    public WebUi(Services services) {
        this(services, null);
    }

    /** @param drift the server's drift scans and unused-privileges reports, or {@code null} when none is configured */
    public WebUi(Services services, DriftService drift) {
        this.services = services;
        this.drift = drift;
    }

    /** Every page and asset route. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new RunbookPages(services, templates).routes());
        routes.addAll(new GrantPages(services, templates).routes());
        routes.addAll(AccessPage.routes(services, templates));
        routes.addAll(AuditPage.routes(services, templates));
        routes.addAll(DriftPage.routes(templates, drift));
        routes.addAll(Assets.routes());
        return List.copyOf(routes);
    }

    /** The sign-in page: paste an API token (or an OpenID Connect token) once, get a session. */
    public SignIn.Page signInPage() {
        return (ctx, error) -> templates.render(ctx, "login", Map.of("frame",
                new Frame("Sign in", "/login", null, null, null, error)));
    }
}
