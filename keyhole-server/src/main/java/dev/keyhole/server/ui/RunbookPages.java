package dev.keyhole.server.ui;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.AccessReport;
import dev.keyhole.gateway.execute.Origin;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.execute.RunRequest;
import dev.keyhole.gateway.execute.RunResult;
import dev.keyhole.runbook.model.Example;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.server.AccessApi;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.Http;
import dev.keyhole.server.KeyholeServer;
import dev.keyhole.server.Route;
import dev.keyhole.server.RunbookApi;
import dev.keyhole.server.Services;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog (purpose, parameters, examples, target, who may run it) and the run form with its results
 * table. A run posts the form; "next page" posts it again with the sealed cursor, so the executor checks the
 * cursor against the same runbook, parameters and person. A refusal is shown beside the form, with its status.
 */
final class RunbookPages {

    /** Form fields of parameters are named {@code p.NAME}, so they cannot collide with the form's own fields. */
    static final String PARAM = "p.";

    private final Services s;
    private final Templates t;

    RunbookPages(Services s, Templates t) {
        this.s = s;
        this.t = t;
    }

    List<Route> routes() {
        return List.of(
                Route.page(HandlerType.GET, "/", "The web UI's start: the runbook catalog", ctx -> ctx.redirect("/runbooks")),
                Route.page(HandlerType.GET, "/runbooks", "The runbook catalog", Guard.page(t, this::catalog)),
                Route.page(HandlerType.GET, "/runbooks/{name}", "A runbook's run form", Guard.page(t, this::form)),
                Route.page(HandlerType.POST, "/runbooks/{name}/run", "Run a runbook (one page of results)",
                        Guard.page(t, this::run)));
    }

    private void catalog(Context ctx) {
        Caller me = Http.caller(ctx);
        AccessReport report = AccessApi.report(s);
        List<RunView> entries = new ArrayList<>();
        for (Runbook rb : s.runbooks().get()) {
            entries.add(new RunView(rb, rb.defaultQuery().name(), Map.of(), "", report.decide(me, rb), null));
        }
        t.render(ctx, "catalog", Map.of("frame", Frame.of(ctx, "Runbooks", "/runbooks"), "entries", entries));
    }

    private Runbook runbook(Context ctx) {
        String name = ctx.pathParam("name");
        return s.runbook(name).orElseThrow(() -> ApiError.notFound("no runbook `" + name + "`"));
    }

    private void form(Context ctx) {
        Runbook rb = runbook(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        rb.parameters().values().forEach(p -> values.put(p.name(), p.defaultValue() == null ? "" : p.defaultValue()));
        if (!rb.examples().isEmpty()) {
            Example e = rb.examples().get(0);
            values.putAll(e.params());
        }
        show(ctx, new RunView(rb, rb.defaultQuery().name(), values, "", AccessApi.report(s).decide(Http.caller(ctx), rb), null),
                null);
    }

    private void run(Context ctx) {
        Runbook rb = runbook(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : rb.parameters().keySet()) {
            String v = ctx.formParam(PARAM + name);
            if (v != null && !v.isBlank()) {
                values.put(name, v.strip());
            }
        }
        String query = blankToNull(ctx.formParam("query"));
        String ticket = blankToNull(ctx.formParam("ticket"));
        String cursor = blankToNull(ctx.formParam("cursor"));
        int page = cursor == null ? 1 : pageNumber(ctx.formParam("page")) + 1;
        QuerySpec q = query == null ? rb.defaultQuery() : rb.queries().get(query);
        RunView view = new RunView(rb, q == null ? query : q.name(), values, ticket == null ? "" : ticket,
                AccessApi.report(s).decide(Http.caller(ctx), rb), null);
        RunResult r;
        try {
            r = RunbookApi.execute(s, new RunRequest(Http.caller(ctx), rb, query, values, ticket, cursor,
                    Http.correlationId(ctx), new Origin(ctx.ip(), ctx.userAgent(), null)));
        } catch (Refusal e) {
            ctx.status(KeyholeServer.status(e.kind()));
            show(ctx, view, e.kind().word() + ": " + e.getMessage());
            return;
        }
        Results results = Results.of(r, q == null ? List.of() : q.projection(), page);
        show(ctx, new RunView(rb, view.query(), values, view.ticket(), view.you(), results), null);
    }

    private static int pageNumber(String text) {
        try {
            return Math.max(1, Integer.parseInt(text == null ? "1" : text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void show(Context ctx, RunView view, String error) {
        Frame frame = Frame.of(ctx, "Run " + view.runbook().name(), "/runbooks");
        t.render(ctx, "run", Map.of("frame", error == null ? frame : frame.withError(error), "view", view));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
