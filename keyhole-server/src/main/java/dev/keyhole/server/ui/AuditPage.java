package dev.keyhole.server.ui;

import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.StoredRecord;
import dev.keyhole.gateway.audit.VerifyReport;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.AuditApi;
import dev.keyhole.server.Route;
import dev.keyhole.server.Services;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit search (the same filters as {@code keyhole audit search}) with the chain's verification status on top:
 * every signed checkpoint checked, or the first bad record and what is wrong with it.
 */
final class AuditPage {

    /** The search fields of the form, echoed back into it. */
    static final List<String> FIELDS = List.of("correlationId", "ticket", "principal", "runbook", "since", "until", "outcome",
            "limit");

    private AuditPage() {}

    static List<Route> routes(Services s, Templates t) {
        return List.of(Route.page(HandlerType.GET, "/audit", "Audit search with the chain's verification status",
                Guard.page(t, ctx -> search(s, t, ctx))));
    }

    private static void search(Services s, Templates t, Context ctx) throws Exception {
        Map<String, String> form = new HashMap<>();
        for (String f : FIELDS) {
            String v = ctx.queryParam(f);
            form.put(f, v == null ? "" : v);
        }
        if (form.get("limit").isBlank()) {
            form.put("limit", "100");
        }
        VerifyReport chain = AuditApi.verifyReport(s);
        Frame frame = Frame.of(ctx, "Audit", "/audit");
        List<AuditRow> rows = new ArrayList<>();
        Instant now = s.clock().instant();
        try {
            AuditQuery q = AuditApi.query(ctx, now);
            List<StoredRecord> found = s.audit().store().search(q);
            Map<Long, String> statuses = AuditApi.statuses(s, found, now);
            for (StoredRecord r : found) {
                rows.add(AuditRow.of(r, statuses.get(r.seq())));
            }
        } catch (ApiError e) {
            ctx.status(e.status());
            frame = frame.withError(e.getMessage());
        }
        t.render(ctx, "audit", Map.of("frame", frame, "form", form, "rows", rows, "chain", chain));
    }
}
