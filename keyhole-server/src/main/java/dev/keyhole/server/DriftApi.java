package dev.keyhole.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.drift.classify.Finding;
import dev.keyhole.drift.classify.Severity;
import dev.keyhole.drift.report.JsonReport;
import dev.keyhole.drift.report.UnusedJson;
import dev.keyhole.server.drift.DriftService;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * Drift over HTTP: the latest scan's findings (filtered by severity and time), the latest unused-privileges
 * report, and a scan now for members of {@code drift.triggeredBy}. Without a {@code drift:} section every route
 * answers 404 saying so.
 */
public final class DriftApi {

    private DriftApi() {}

    /** @param drift the server's drift service, or {@code null} when none is configured */
    public static List<Route> routes(DriftService drift) {
        return List.of(
                Route.get("/api/v1/drift/findings", "The latest drift scan's findings (filters: severity = the least severe "
                        + "to show, since = an instant or a span back such as P1D, against a finding's last call)",
                        ctx -> findings(configured(drift), ctx)),
                Route.get("/api/v1/drift/unused", "The latest unused-privileges report (made weekly)",
                        ctx -> unused(configured(drift), ctx)),
                Route.post("/api/v1/drift/scan", "Scan CloudTrail now (members of drift.triggeredBy only; audited)",
                        ctx -> {
                            DriftService d = configured(drift);
                            DriftService.Scan s = d.scanNow(Http.caller(ctx), Http.correlationId(ctx));
                            Http.json(ctx, scan(s, null, null));
                        }));
    }

    private static DriftService configured(DriftService drift) {
        if (drift == null) {
            throw ApiError.notFound("this server watches no CloudTrail: add a `drift:` section to keyhole.yaml");
        }
        return drift;
    }

    private static void findings(DriftService d, Context ctx) {
        Severity least;
        try {
            String given = ctx.queryParam("severity");
            least = given == null || given.isBlank() ? Severity.INFO : Severity.parse(given);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        Instant since = AuditApi.when(ctx.queryParam("since"), d.now());
        ObjectNode out = d.lastScan().map(s -> scan(s, least, since)).orElseGet(() -> notYet("findings"));
        d.lastFailure().ifPresent(f -> out.putObject("lastFailure").put("at", f.at().toString()).put("what", f.what())
                .put("message", f.message()));
        Http.json(ctx, out);
    }

    /** The scan as the drift report's JSON, its findings cut to {@code least} and later than {@code since}. */
    private static ObjectNode scan(DriftService.Scan s, Severity least, Instant since) {
        ObjectNode n = JsonReport.tree(s.report());
        n.put("scannedAt", s.at().toString()).put("scannedBy", s.by());
        ArrayNode kept = n.putArray("findings");
        for (Finding f : s.report().findings()) {
            if ((least == null || f.severity().compareTo(least) >= 0) && (since == null || !f.last().isBefore(since))) {
                kept.add(JsonReport.finding(f));
            }
        }
        return n;
    }

    private static ObjectNode notYet(String what) {
        ObjectNode n = Http.object().putNull("scannedAt");
        n.putArray(what);
        return n;
    }

    private static void unused(DriftService d, Context ctx) {
        if (!d.reportsUnused()) {
            throw ApiError.notFound("no unused-privileges report: set `drift.unused.authz` in keyhole.yaml to the output of "
                    + "`aws iam get-account-authorization-details`");
        }
        ObjectNode out = d.lastUnused().map(u -> {
            ObjectNode n = Http.object().put("madeAt", u.at().toString());
            n.setAll(UnusedJson.tree(u.result().report()));
            return n;
        }).orElseGet(() -> {
            ObjectNode n = Http.object().putNull("madeAt");
            n.putArray("principals");
            return n;
        });
        Http.json(ctx, out);
    }
}
