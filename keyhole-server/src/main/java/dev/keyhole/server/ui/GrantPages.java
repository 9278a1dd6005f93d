package dev.keyhole.server.ui;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.GrantException;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.GrantApi;
import dev.keyhole.server.Http;
import dev.keyhole.server.Route;
import dev.keyhole.server.Services;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The approvals inbox (what the signed-in person may approve, what they asked for, a request form) and the
 * exceptions list (time left, revoke). Writes redirect back to the page they came from, which says what
 * happened; a refusal renders that page again with the message and a 400 or 403.
 */
final class GrantPages {

    /** Pages a write may return to. */
    private static final Set<String> BACK = Set.of("/approvals", "/exceptions");

    private final Services s;
    private final Templates t;

    GrantPages(Services s, Templates t) {
        this.s = s;
        this.t = t;
    }

    List<Route> routes() {
        return List.of(
                Route.page(HandlerType.GET, "/approvals", "Approvals inbox, your requests, and the request form",
                        Guard.page(t, ctx -> approvals(ctx, null))),
                Route.page(HandlerType.GET, "/exceptions", "Exceptions with time left", Guard.page(t, ctx -> exceptions(ctx, null))),
                Route.page(HandlerType.POST, "/grants", "Ask for approval or an exception", Guard.page(t, this::request)),
                Route.page(HandlerType.POST, "/grants/{id}/approve", "Approve a request",
                        Guard.page(t, ctx -> act(ctx, "approved", me -> s.grants().approve(id(ctx), me)))),
                Route.page(HandlerType.POST, "/grants/{id}/deny", "Deny a request",
                        Guard.page(t, ctx -> act(ctx, "denied", me -> s.grants().deny(id(ctx), me, reason(ctx))))),
                Route.page(HandlerType.POST, "/grants/{id}/revoke", "End a grant now",
                        Guard.page(t, ctx -> act(ctx, "revoked", me -> s.grants().revoke(id(ctx), me, reason(ctx))))));
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private static String reason(Context ctx) {
        String r = ctx.formParam("reason");
        if (r == null || r.isBlank()) {
            throw ApiError.badRequest("say why: fill in the reason");
        }
        return r.strip();
    }

    private List<GrantRow> rows(Caller me, Grant.Kind kind) {
        Instant now = s.clock().instant();
        List<GrantRow> out = new ArrayList<>();
        for (Grant g : s.grants().list(null, null)) {
            if (kind == null || g.kind() == kind) {
                out.add(GrantRow.of(g, s.grants(), me, now));
            }
        }
        return out;
    }

    private void approvals(Context ctx, String error) {
        Caller me = Http.caller(ctx);
        s.grants().sweep();
        List<GrantRow> all = rows(me, null);
        List<GrantRow> inbox = all.stream().filter(GrantRow::mayApprove).toList();
        List<GrantRow> mine = all.stream().filter(r -> r.grant().requester().equals(me.name())).toList();
        Frame frame = notice(ctx, Frame.of(ctx, "Approvals", "/approvals"));
        t.render(ctx, "approvals", Map.of("frame", error == null ? frame : frame.withError(error), "inbox", inbox,
                "mine", mine, "runbooks", s.runbooks().get(), "form", RequestForm.of(ctx)));
    }

    private void exceptions(Context ctx, String error) {
        s.grants().sweep();
        Frame frame = notice(ctx, Frame.of(ctx, "Exceptions", "/exceptions"));
        t.render(ctx, "exceptions", Map.of("frame", error == null ? frame : frame.withError(error),
                "rows", rows(Http.caller(ctx), Grant.Kind.EXCEPTION)));
    }

    /** After a redirect: what was done to which grant, when that grant exists (the text is ours, not the URL's). */
    private Frame notice(Context ctx, Frame frame) {
        String done = ctx.queryParam("done");
        String id = ctx.queryParam("id");
        if (done == null || id == null || !Set.of("requested", "approved", "denied", "revoked").contains(done)) {
            return frame;
        }
        return s.grants().find(id).map(g -> frame.withNotice(g.kind().word() + " " + g.id() + " for " + g.runbook() + " "
                + done + "; it is now " + s.grants().stateNow(g).word())).orElse(frame);
    }

    private void request(Context ctx) {
        RequestForm f = RequestForm.of(ctx);
        try {
            Grant g = GrantApi.request(s, Http.caller(ctx), f.runbook(), f.exception(), f.duration(), f.ticket(), f.reason());
            ctx.redirect("/approvals?done=requested&id=" + g.id());
        } catch (GrantException | ApiError e) {
            ctx.status(e instanceof ApiError a ? a.status() : 403);
            approvals(ctx, e.getMessage());
        }
    }

    private interface Action {
        Grant apply(Caller me);
    }

    private void act(Context ctx, String done, Action action) {
        String asked = ctx.formParam("back");
        String back = asked != null && BACK.contains(asked) ? asked : "/approvals"; // Set.of refuses to look up null
        try {
            Grant g = action.apply(Http.caller(ctx));
            ctx.redirect(back + "?done=" + done + "&id=" + g.id());
        } catch (GrantException | ApiError e) {
            ctx.status(e instanceof ApiError a ? a.status() : 403);
            if (back.equals("/exceptions")) {
                exceptions(ctx, e.getMessage());
            } else {
                approvals(ctx, e.getMessage());
            }
        }
    }
}
