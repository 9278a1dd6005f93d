package dev.keyhole.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.runbook.model.Runbook;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Approvals and exceptions: list, request, approve, deny, revoke (requests also for the web UI's forms). */
public final class GrantApi {

    private GrantApi() {}

    static List<Route> routes(Services s) {
        return List.of(
                Route.get("/api/v1/grants", "Grants, newest first (filters: state, requester, runbook)", ctx -> list(s, ctx)),
                Route.post("/api/v1/grants", "Request approval, or an exception with `exception: true` and a `duration`",
                        ctx -> request(s, ctx)),
                Route.post("/api/v1/grants/{id}/approve", "Approve (never your own request)",
                        ctx -> Http.json(ctx, json(s, s.grants().approve(ctx.pathParam("id"), Http.caller(ctx))))),
                Route.post("/api/v1/grants/{id}/deny", "Deny a pending request (`reason` required)",
                        ctx -> Http.json(ctx, json(s, s.grants().deny(ctx.pathParam("id"), Http.caller(ctx), reason(ctx))))),
                Route.post("/api/v1/grants/{id}/revoke", "End a pending or active grant now (`reason` required)",
                        ctx -> Http.json(ctx, json(s, s.grants().revoke(ctx.pathParam("id"), Http.caller(ctx), reason(ctx))))));
    }

    private static String reason(Context ctx) {
        String r = Http.text(Http.body(ctx), "reason");
        if (r == null || r.isBlank()) {
            throw ApiError.badRequest("`reason` is required");
        }
        return r;
    }

    private static void list(Services s, Context ctx) {
        s.grants().sweep();
        String state = ctx.queryParam("state");
        ObjectNode out = Http.object();
        ArrayNode arr = out.putArray("grants");
        for (Grant g : s.grants().list(ctx.queryParam("requester"), ctx.queryParam("runbook"))) {
            if (state == null || s.grants().stateNow(g).word().equals(state)) {
                arr.add(json(s, g));
            }
        }
        Http.json(ctx, out);
    }

    private static void request(Services s, Context ctx) {
        ObjectNode body = Http.body(ctx);
        String name = Http.text(body, "runbook");
        Grant g = request(s, Http.caller(ctx), name, body.path("exception").asBoolean(false),
                body.path("duration").asText("PT1H"), Http.text(body, "ticket"), Http.text(body, "reason"));
        Http.json(ctx, 201, json(s, g));
    }

    /**
     * Asks for the approvals {@code runbook} demands of {@code who}, or for an exception lasting {@code duration}
     * (ISO 8601); a 400 for an unknown runbook or a bad duration, a {@code GrantException} for what grants refuse.
     */
    public static Grant request(Services s, Caller who, String runbook, boolean exception, String duration, String ticket,
                                String reason) {
        Runbook rb = s.runbook(runbook == null ? "" : runbook)
                .orElseThrow(() -> ApiError.badRequest("`runbook` must name a runbook; `" + runbook + "` is none"));
        if (!exception) {
            return s.grants().requestApproval(who, rb, ticket, reason);
        }
        Duration d;
        try {
            d = Duration.parse(duration);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("`duration` must be an ISO 8601 duration such as PT30M");
        }
        return s.grants().requestException(who, rb, ticket, reason, d);
    }

    static ObjectNode json(Services s, Grant g) {
        ObjectNode n = Http.object().put("id", g.id()).put("kind", g.kind().word()).put("state", s.grants().stateNow(g).word())
                .put("requester", g.requester()).put("runbook", g.runbook()).put("ticket", g.ticket())
                .put("reason", g.reason()).put("requested", g.requested().toString())
                .put("duration", g.duration().toString()).put("required", g.required()).put("selfService", g.selfService());
        g.approverGroups().forEach(n.putArray("approverGroups")::add);
        ArrayNode approvals = n.putArray("approvals");
        g.approvals().forEach(a -> approvals.addObject().put("approver", a.approver()).put("time", a.time().toString()));
        if (g.expires() != null) {
            n.put("expires", g.expires().toString());
            long left = java.time.Duration.between(s.clock().instant(), g.expires()).toSeconds();
            n.put("secondsLeft", Math.max(0, left));
        }
        if (g.endedBy() != null) {
            n.put("endedBy", g.endedBy()).put("endReason", g.endReason());
        }
        return n;
    }
}
