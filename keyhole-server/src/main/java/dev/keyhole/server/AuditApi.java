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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Audit search, and verification of the chain (also the helpers the web UI's audit page uses). */
public final class AuditApi {

    private AuditApi() {}

    static List<Route> routes(Services s) {
        return List.of(
                Route.get("/api/v1/audit", "Search records (correlationId, ticket, principal, runbook, since, until, outcome, limit)",
                        ctx -> search(s, ctx)),
                Route.get("/api/v1/audit/verify", "Verify the hash chain and signed checkpoints", ctx -> Http.json(ctx, verify(s))));
    }

    /** Recomputes the chain and checks every checkpoint against the server's trusted keys. */
    public static VerifyReport verifyReport(Services s) throws Exception {
        return AuditVerifier.verify(s.audit().store(), s.auditKeys());
    }

    static ObjectNode verify(Services s) throws Exception {
        VerifyReport r = verifyReport(s);
        ObjectNode n = Http.object().put("ok", r.ok()).put("records", r.records()).put("checkpoints", r.checkpoints())
                .put("lastSeq", r.lastSeq()).put("lastSigned", r.lastSigned()).put("unsigned", r.unsigned());
        if (!r.ok()) {
            n.put("firstBad", r.firstBad()).put("problem", r.problem());
        }
        return n;
    }

    /** The search the request's query parameters ask for; a 400 naming the bad parameter otherwise. */
    public static AuditQuery query(Context ctx, Instant now) {
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

    /** An instant, or a span back from {@code now} ({@code P1D}); {@code null} for nothing; a 400 otherwise. */
    static Instant when(String text, Instant now) {
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
        Map<Long, String> statuses = statuses(s, found, now);
        ObjectNode out = Http.object();
        ArrayNode arr = out.putArray("records");
        for (StoredRecord r : found) {
            ObjectNode n = (ObjectNode) Http.JSON.readTree(r.payload());
            n.put("seq", r.seq()).put("hash", r.hash());
            if (statuses.containsKey(r.seq())) {
                n.put("status", statuses.get(r.seq()));
            }
            arr.add(n);
        }
        Http.json(ctx, out);
    }

    /**
     * For each {@code started} record among {@code found}, by sequence number: {@code finished}, {@code running}
     * (no finish yet, its process may still be at it) or {@code interrupted} (no finish, and its process is gone).
     */
    public static Map<Long, String> statuses(Services s, List<StoredRecord> found, Instant now) throws Exception {
        List<String> started = new ArrayList<>();
        for (StoredRecord r : found) {
            if (r.event().type() == AuditEvent.Type.STARTED) {
                started.add(r.event().correlationId());
            }
        }
        Set<String> finished = s.audit().store().finished(started);
        Map<Long, String> out = new HashMap<>();
        for (StoredRecord r : found) {
            AuditEvent e = r.event();
            if (e.type() == AuditEvent.Type.STARTED) {
                out.put(r.seq(), finished.contains(e.correlationId()) ? "finished"
                        : Instances.mayStillRun((String) e.get(AuditEvent.Field.INSTANCE), e.time(), now) ? "running" : "interrupted");
            }
        }
        return out;
    }
}
