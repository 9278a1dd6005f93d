package dev.keyhole.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.execute.Origin;
import dev.keyhole.gateway.execute.RunRequest;
import dev.keyhole.gateway.execute.RunResult;
import dev.keyhole.gateway.shape.AttributeJson;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.runbook.compile.RolePolicyCompiler;
import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Runbooks: the catalog, one runbook, its execution role's policy, and running it (also for the web UI's run form). */
public final class RunbookApi {

    private RunbookApi() {}

    static List<Route> routes(Services s) {
        return List.of(
                Route.get("/api/v1/runbooks", "The runbook catalog", ctx -> list(s, ctx)),
                Route.get("/api/v1/runbooks/{name}", "One runbook: purpose, parameters, examples, target, access",
                        ctx -> Http.json(ctx, describe(find(s, ctx)))),
                Route.get("/api/v1/runbooks/{name}/policy", "The execution role policy the runbook compiles to",
                        ctx -> policy(s, ctx)),
                Route.post("/api/v1/runbooks/{name}/runs", "Run a query of the runbook (one page; pass `cursor` for the next)",
                        ctx -> run(s, ctx)));
    }

    static Runbook find(Services s, Context ctx) {
        String name = ctx.pathParam("name");
        return s.runbook(name).orElseThrow(() -> ApiError.notFound("no runbook `" + name + "`"));
    }

    private static void list(Services s, Context ctx) {
        ObjectNode out = Http.object();
        ArrayNode arr = out.putArray("runbooks");
        for (Runbook rb : s.runbooks().get()) {
            arr.addObject().put("name", rb.name()).put("description", rb.description()).put("owner", rb.owner())
                    .put("table", rb.target().table()).put("version", rb.contentHash());
        }
        Http.json(ctx, out);
    }

    static ObjectNode describe(Runbook rb) {
        ObjectNode n = Http.object().put("name", rb.name()).put("description", rb.description()).put("owner", rb.owner())
                .put("version", rb.contentHash());
        n.putObject("target").put("account", rb.target().account()).put("region", rb.target().region())
                .put("table", rb.target().table()).put("role", rb.target().role());
        ArrayNode params = n.putArray("parameters");
        for (Parameter p : rb.parameters().values()) {
            ObjectNode pn = params.addObject().put("name", p.name()).put("type", p.type().name().toLowerCase())
                    .put("required", p.required()).put("description", p.description());
            if (p.defaultValue() != null) {
                pn.put("default", p.defaultValue());
            }
            if (p.pattern() != null) {
                pn.put("pattern", p.pattern());
            }
            if (!p.allowed().isEmpty()) {
                p.allowed().forEach(pn.putArray("allowed")::add);
            }
        }
        ArrayNode queries = n.putArray("queries");
        for (QuerySpec q : rb.queries().values()) {
            ObjectNode qn = queries.addObject().put("name", q.name()).put("operation", q.operation().api())
                    .put("index", q.index()).put("keyCondition", q.keyCondition()).put("filter", q.filter());
            q.projection().forEach(qn.putArray("projection")::add);
        }
        ArrayNode examples = n.putArray("examples");
        rb.examples().forEach(e -> examples.add(Http.JSON.valueToTree(e)));
        ObjectNode access = n.putObject("access");
        rb.access().runners().forEach(access.putArray("runners")::add);
        access.put("ticketRequired", rb.access().ticketRequired()).put("ticketPattern", rb.access().ticketPattern())
                .put("approvals", rb.access().approvals()).put("sessionTtl", rb.access().sessionTtl().toString());
        rb.access().approvers().forEach(access.putArray("approvers")::add);
        return n;
    }

    private static void policy(Services s, Context ctx) {
        Runbook rb = find(s, ctx);
        Http.json(ctx, PolicyWriter.toTree(RolePolicyCompiler.compile(rb.target().role(), List.of(rb))));
    }

    /** Runs {@code req} with the executor, timing it by outcome; refusals and failures propagate. */
    public static RunResult execute(Services s, RunRequest req) {
        long t0 = System.nanoTime();
        RunResult r;
        try {
            r = s.executor().run(req);
        } catch (dev.keyhole.gateway.execute.Refusal e) {
            Metrics.run(s.metrics(), "refused", System.nanoTime() - t0);
            throw e;
        } catch (RuntimeException e) {
            Metrics.run(s.metrics(), "failed", System.nanoTime() - t0);
            throw e;
        }
        Metrics.run(s.metrics(), "ok", System.nanoTime() - t0);
        return r;
    }

    private static void run(Services s, Context ctx) {
        Runbook rb = find(s, ctx);
        ObjectNode body = Http.body(ctx);
        Map<String, String> params = Http.strings(body, "params");
        RunRequest req = new RunRequest(Http.caller(ctx), rb, Http.text(body, "query"), params, Http.text(body, "ticket"),
                Http.text(body, "cursor"), Http.correlationId(ctx), new Origin(ctx.ip(), ctx.userAgent(), null));
        RunResult r = execute(s, req);
        ObjectNode out = Http.object().put("correlationId", r.correlationId()).put("cursor", r.cursor())
                .put("capReached", r.capReached()).put("pages", r.pages()).put("scanned", r.scanned())
                .put("consumedCapacity", r.consumedCapacity()).put("elapsedMs", r.elapsed().toMillis());
        ArrayNode items = out.putArray("items");
        r.items().forEach(i -> items.add(AttributeJson.plain(i)));
        Http.json(ctx, out);
    }
}
