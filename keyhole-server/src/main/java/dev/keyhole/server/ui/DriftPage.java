package dev.keyhole.server.ui;

import dev.keyhole.server.Http;
import dev.keyhole.server.Route;
import dev.keyhole.server.drift.DriftService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift: the latest scan's findings (calls in CloudTrail no runbook explains, keyhole sessions used outside
 * their record) and the latest unused-privileges report, with when each was made, and a "scan now" form for
 * members of {@code drift.triggeredBy}. Without a drift service the page says none feeds it rather than show
 * an empty, reassuring table.
 */
final class DriftPage {

    private DriftPage() {}

    /** @param drift the server's drift service, or {@code null} when no scan is configured */
    static List<Route> routes(Templates t, DriftService drift) {
        return List.of(
                Route.page(HandlerType.GET, "/drift", "Drift findings and unused privileges",
                        Guard.page(t, ctx -> render(t, drift, ctx))),
                Route.page(HandlerType.POST, "/drift/scan", "Scan CloudTrail now", Guard.page(t, ctx -> {
                    if (drift == null) {
                        throw dev.keyhole.server.ApiError.notFound("this server watches no CloudTrail");
                    }
                    drift.scanNow(Http.caller(ctx), Http.correlationId(ctx));
                    ctx.redirect("/drift?done=scanned");
                })));
    }

    private static void render(Templates t, DriftService drift, Context ctx) {
        Frame frame = Frame.of(ctx, "Drift", "/drift");
        Map<String, Object> m = new HashMap<>();
        m.put("configured", drift != null);
        m.put("mayScan", drift != null && drift.mayTrigger(Http.caller(ctx)));
        m.put("scannedAt", "");
        m.put("scannedBy", "");
        m.put("source", "");
        m.put("findings", List.of());
        m.put("reportsUnused", drift != null && drift.reportsUnused());
        m.put("unusedAt", "");
        m.put("unused", List.of());
        m.put("failure", "");
        if (drift != null) {
            drift.lastScan().ifPresent(s -> {
                m.put("scannedAt", seconds(s.at()));
                m.put("scannedBy", s.by());
                m.put("source", s.report().source());
                m.put("findings", s.report().findings().stream().map(DriftFinding::of).toList());
            });
            drift.lastUnused().ifPresent(u -> {
                m.put("unusedAt", seconds(u.at()));
                m.put("unused", u.result().report().principals().stream().map(UnusedRow::of).toList());
            });
            drift.lastFailure().ifPresent(f -> m.put("failure", "the " + f.what() + " at " + seconds(f.at()) + " failed: " + f.message()));
            if ("scanned".equals(ctx.queryParam("done"))) {
                frame = frame.withNotice("scan finished");
            }
        }
        m.put("frame", frame);
        t.render(ctx, "drift", m);
    }

    private static String seconds(java.time.Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
