package dev.keyhole.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditUnavailableException;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.grants.GrantException;
import dev.keyhole.gateway.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code keyhole serve}: one Javalin server over the gateway. Before any handler: a correlation id (the
 * caller's {@code X-Correlation-Id} when safe, else a new one) echoed on every response, security headers,
 * and authentication — a bearer token, or a session cookie whose writes must carry the CSRF token.
 * Nothing but the routes marked open (health, sign-in, the web UI's static assets; see {@link #OPEN_PATHS}) is
 * reachable without it.
 */
public final class KeyholeServer implements AutoCloseable {

    /** Largest request body accepted. */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    /**
     * The only paths reachable without signing in: health, the sign-in page, and the web UI's static assets
     * (stylesheets and scripts, which hold no data).
     */
    static final java.util.Set<String> OPEN_PATHS = java.util.Set.of("/healthz", "/login", "/assets/*", "/webjars/*");
    /**
     * Requests run on virtual threads where the JDK lets a virtual thread block inside {@code synchronized}
     * without holding its carrier (JDK 24 on; the PostgreSQL driver and the HTTP clients a request goes through
     * block there). A run waits three times (its started record, the query, its finished record); on a virtual
     * thread each wait parks a continuation instead of switching an operating-system thread.
     */
    static final boolean VIRTUAL_THREADS = Boolean.parseBoolean(System.getProperty("keyhole.virtualThreads",
            String.valueOf(Runtime.version().feature() >= 24)));

    /** The JDK's setting for how many carrier threads run virtual threads (default: one per core). */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    static {
        carriersForSqlite();
    }

    /**
     * Sees that virtual threads have more carriers than the SQLite store has connections, unless set explicitly;
     * must run before the first virtual thread starts (this class runs it when it loads). Benchmarks that call the
     * executor from virtual threads without a server call it too.
     */
    public static void carriersForSqlite() {
        // INVARIANT: more carriers than SQLite connections. SQLite's calls are native and its busy handler sleeps
        // inside them, which holds the carrier; with one carrier per core, two requests waiting for another
        // process's (or a checkpoint's) write lock would stop every request, /healthz included, and a request
        // holding the lock but parked elsewhere could never finish. With more carriers than connections, one
        // is always free. Set before the first virtual thread starts; an explicit setting wins.
        if (VIRTUAL_THREADS && System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, String.valueOf(Math.max(Runtime.getRuntime().availableProcessors(),
                    dev.keyhole.gateway.store.Database.SQLITE_CONNECTIONS + 2)));
        }
    }

    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final Javalin app;
    private final List<Route> routes;

    private KeyholeServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    /**
     * Starts serving on {@code host:port} (0 picks a free port).
     *
     * @param extra more routes, e.g. the web UI's pages
     * @param log where one JSON line per request goes
     */
    public static KeyholeServer start(Services s, Sessions sessions, List<Route> extra, String host, int port,
                                      String version, PrintStream log) {
        return start(s, sessions, SignIn.PLAIN, extra, host, port, version, log);
    }

    /** As above, with the web UI's own sign-in page. */
    public static KeyholeServer start(Services s, Sessions sessions, SignIn.Page signInPage, List<Route> extra, String host,
                                      int port, String version, PrintStream log) {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.get("/healthz", "Liveness: ok when the server answers", ctx -> Http.json(ctx,
                Http.object().put("status", "ok"))).unauthenticated());
        routes.addAll(SignIn.routes(s, sessions, signInPage));
        routes.addAll(RunbookApi.routes(s));
        routes.addAll(GrantApi.routes(s));
        routes.addAll(AccessApi.routes(s));
        routes.addAll(AuditApi.routes(s));
        routes.addAll(PolicyApi.routes(s));
        routes.add(Route.get("/api/v1/session", "Who you are signed in as, and the CSRF token cookie-authenticated writes send",
                ctx -> {
                    Caller c = Http.caller(ctx);
                    ObjectNode n = Http.object().put("user", c.name());
                    c.groups().stream().sorted().forEach(n.withArray("groups")::add);
                    Sessions.Session session = ctx.attribute("keyhole.session");
                    if (session != null) {
                        n.put("csrf", session.csrf());
                    }
                    Http.json(ctx, n);
                }));
        routes.add(Route.get("/metrics", "Prometheus metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
                .result(s.metrics().scrape())));
        routes.addAll(extra);
        List<Route> all = List.copyOf(routes);
        ObjectNode openapi = OpenApi.document(all, version);
        Map<String, Boolean> open = new HashMap<>();
        for (Route r : all) {
            if (r.open() && !OPEN_PATHS.contains(r.path())) {
                throw new IllegalArgumentException("route " + r.method() + " " + r.path() + " asks to be reachable without "
                        + "signing in; only " + OPEN_PATHS + " may be");
            }
            open.put(r.method() + " " + r.path(), r.open());
        }
        Metrics metrics = new Metrics(s.metrics());
        dev.keyhole.gateway.audit.CorrelationIds ids = s.correlationIds(); // one SecureRandom for every request
        Javalin app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.concurrency.useVirtualThreads = VIRTUAL_THREADS;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(JettyErrors.handler()));
            cfg.routes.before(ctx -> {
                ctx.attribute("keyhole.t0", System.nanoTime());
                String given = ctx.header("X-Correlation-Id");
                String id = given != null && SAFE_CORRELATION_ID.matcher(given).matches() ? given : ids.next();
                ctx.attribute(Http.CORRELATION_ID, id);
                ctx.header("X-Correlation-Id", id);
                headers(ctx);
            });
            cfg.routes.beforeMatched(ctx -> authenticate(ctx, s, sessions, open));
            cfg.routes.get("/api/openapi.json", ctx -> Http.json(ctx, openapi));
            for (Route r : all) {
                cfg.routes.addEndpoint(new io.javalin.router.Endpoint(r.method(), r.path(), r.handler()));
            }
            cfg.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
            cfg.routes.exception(Refusal.class, (e, ctx) -> {
                metrics.refused(e.kind());
                int status = status(e.kind());
                ObjectNode n = errorBody(ctx, "refused", e.getMessage()).put("kind", e.kind().word());
                Http.json(ctx, status, n);
            });
            cfg.routes.exception(GrantException.class, (e, ctx) -> error(ctx, 403, "grant-refused", e.getMessage()));
            cfg.routes.exception(AuditUnavailableException.class, (e, ctx) -> error(ctx, 503, "audit-unavailable",
                    "keyhole cannot write its audit log, so it runs nothing: " + e.getMessage()));
            cfg.routes.exception(StoreException.class, (e, ctx) -> error(ctx, 503, "store-unavailable", e.getMessage()));
            cfg.routes.exception(AwsServiceException.class, (e, ctx) -> {
                String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
                error(ctx, "AccessDeniedException".equals(code) ? 403 : 502, "aws",
                        code + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
            });
            // DynamoDB or STS did not answer within keyhole's bounded retries (stopped, unreachable, too slow).
            cfg.routes.exception(SdkClientException.class, (e, ctx) -> error(ctx, 503, "aws-unavailable",
                    "AWS did not answer: " + e.getMessage() + "; try again later"));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.println(logLine(ctx, 500, "error", e.getClass().getName() + ": " + e.getMessage()));
                error(ctx, 500, "internal", "keyhole failed; quote correlation id " + Http.correlationId(ctx));
            });
            cfg.routes.error(404, ctx -> {
                // Javalin answers an unmatched path with its own plain-text "Endpoint ... not found"; a handler's
                // own 404 (JSON, or a web UI page) stays as it is.
                String type = ctx.res().getContentType();
                if (ctx.result() == null || ctx.result().isEmpty() || type == null || type.startsWith("text/plain")) {
                    error(ctx, 404, "not-found", "no route " + ctx.method() + " " + ctx.path());
                }
            });
            cfg.routes.error(413, ctx -> error(ctx, 413, "too-large", "the request body is over " + MAX_REQUEST_BYTES + " bytes"));
            cfg.routes.after(ctx -> {
                Long t0 = ctx.attribute("keyhole.t0");
                long nanos = t0 == null ? 0 : System.nanoTime() - t0;
                metrics.request(ctx, nanos);
                log.println(logLine(ctx, ctx.status().getCode(), "info", null));
            });
        }).start(host, port);
        return new KeyholeServer(app, all);
    }

    /** The HTTP status a refusal answers with: 400 for bad input, 503 when the audit log or STS is down, else 403. */
    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case BAD_PARAMETERS, UNKNOWN_QUERY, CURSOR_REJECTED -> 400;
            case AUDIT_UNAVAILABLE, CREDENTIALS_UNAVAILABLE -> 503;
            default -> 403;
        };
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    /** Bearer token, or session cookie (with CSRF on writes); open routes pass. */
    private static void authenticate(Context ctx, Services s, Sessions sessions, Map<String, Boolean> open) {
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String key = ctx.method() + " " + (matched == null ? ctx.path() : matched.path);
        if (Boolean.TRUE.equals(open.get(key))) {
            return;
        }
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() <= 7) {
                throw new ApiError(401, "unauthenticated", "use `Authorization: Bearer TOKEN`");
            }
            ctx.attribute(Http.CALLER, s.authenticator().authenticate(auth.substring(7).strip()));
            return;
        }
        Sessions.Session session = sessions.find(ctx.cookie(Sessions.COOKIE)).orElse(null);
        if (session == null) {
            if (ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics")) {
                ctx.redirect("/login");
                throw new io.javalin.http.RedirectResponse();
            }
            throw new ApiError(401, "unauthenticated", "sign in: send `Authorization: Bearer TOKEN` or sign in at /login");
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String presented = ctx.header("X-CSRF-Token");
            if (presented == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
                presented = ctx.formParam("_csrf");
            }
            if (!Sessions.csrfMatches(session, presented)) {
                throw new ApiError(403, "csrf", "this write lacks the session's CSRF token; reload the page and try again");
            }
        }
        Caller caller = s.people().get().stream().filter(p -> p.name().equals(session.user())).findFirst()
                .orElse(new Caller(session.user(), java.util.Set.of()));
        ctx.attribute(Http.CALLER, caller);
        ctx.attribute("keyhole.session", session);
    }

    private static ObjectNode errorBody(Context ctx, String code, String message) {
        return Http.object().put("error", code).put("message", message).put("correlationId", Http.correlationId(ctx));
    }

    private static void error(Context ctx, int status, String code, String message) {
        Http.json(ctx, status, errorBody(ctx, code, message));
    }

    private static String logLine(Context ctx, int status, String level, String detail) {
        ObjectNode n = Http.object().put("time", java.time.Instant.now().toString()).put("level", level)
                .put("correlationId", Http.correlationId(ctx)).put("method", ctx.method().name()).put("path", ctx.path())
                .put("status", status);
        Caller c = ctx.attribute(Http.CALLER);
        if (c != null) {
            n.put("principal", c.name());
        }
        Long t0 = ctx.attribute("keyhole.t0");
        if (t0 != null) {
            n.put("ms", (System.nanoTime() - t0) / 1_000_000.0);
        }
        if (detail != null) {
            n.put("detail", detail);
        }
        return n.toString();
    }

    public int port() {
        return app.port();
    }

    /** Every registered route (for the test that proves each one authenticates). */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }
}
