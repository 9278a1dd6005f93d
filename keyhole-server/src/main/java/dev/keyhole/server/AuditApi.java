package dev.keyhole.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.AuditVerifier;
import dev.keyhole.gateway.audit.Instances;
import dev.keyhole.gateway.audit.StoredRecord;
import dev.keyhole.gateway.audit.VerifyReport;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Audit search, and verification of the chain. */
final class AuditApi {

    private AuditApi() {}

    static List<Route> routes(Services s) {
        return List.of(
                Route.get("/api/v1/audit", "Search records (correlationId, ticket, principal, runbook, since, until, outcome, limit)",
                        ctx -> search(s, ctx)),
                Route.get("/api/v1/audit/verify", "Verify the hash chain and signed checkpoints", ctx -> Http.json(ctx, verify(s))));
    }

    static ObjectNode verify(Services s) throws Exception {
        VerifyReport r = AuditVerifier.verify(s.audit().store(), s.auditKeys());
        ObjectNode n = Http.object().put("ok", r.ok()).put("records", r.records()).put("checkpoints", r.checkpoints())
                .put("lastSeq", r.lastSeq()).put("lastSigned", r.lastSigned()).put("unsigned", r.unsigned());
        if (!r.ok()) {
            n.put("firstBad", r.firstBad()).put("problem", r.problem());
        }
        return n;
    }

    static AuditQuery query(Context ctx, Instant now) {
        try {
            return new AuditQuery(ctx.queryParam("correlationId"), ctx.queryParam("ticket"), ctx.queryParam("principal"),
                    ctx.queryParam("runbook"), when(ctx.queryParam("since"), now), when(ctx.queryParam("until"), now),
                    blankToNull(ctx.queryParam("outcome")), Integer.parseInt(ctx.queryParamMap().containsKey("limit")
                            ? ctx.queryParam("limit") : "100"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("`limit` must be a whole number");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static Instant when(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.startsWith("P") ? now.minus(Duration.parse(text)) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("`" + text + "` is neither an instant like 2026-11-25T06:00:00Z nor a duration like P1D");
        }
    }

    private static void search(Services s, Context ctx) throws Exception {
        Instant now = s.clock().instant();
        List<StoredRecord> found = s.audit().store().search(query(ctx, now));
        List<String> started = new ArrayList<>();
        for (StoredRecord r : found) {
            if (r.event().type() == AuditEvent.Type.STARTED) {
                started.add(r.event().correlationId());
            }
        }
        Set<String> finished = s.audit().store().finished(started);
        ObjectNode out = Http.object();
        ArrayNode arr = out.putArray("records");
        for (StoredRecord r : found) {
            ObjectNode n = (ObjectNode) Http.JSON.readTree(r.payload());
            n.put("seq", r.seq()).put("hash", r.hash());
            AuditEvent e = r.event();
            if (e.type() == AuditEvent.Type.STARTED) {
                n.put("status", finished.contains(e.correlationId()) ? "finished"
                        : Instances.mayStillRun((String) e.get(AuditEvent.Field.INSTANCE), e.time(), now) ? "running" : "interrupted");
            }
            arr.add(n);
        }
        Http.json(ctx, out);
    }
}
