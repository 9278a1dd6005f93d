package dev.keyhole.server.ui;

import dev.keyhole.server.Route;
import dev.keyhole.server.Services;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drift findings: DynamoDB calls in CloudTrail that no runbook explains, and privileges nobody uses. The
 * findings come from whatever scan the server is given; without one the page says so rather than show an
 * empty, reassuring table.
 */
final class DriftPage {

    private DriftPage() {}

    /** @param findings the latest scan's findings, or {@code null} when no scan is configured */
    static List<Route> routes(Services s, Templates t, Supplier<List<DriftFinding>> findings) {
        return List.of(Route.page(HandlerType.GET, "/drift", "Drift findings", Guard.page(t, ctx ->
                t.render(ctx, "drift", Map.of("frame", Frame.of(ctx, "Drift", "/drift"), "configured", findings != null,
                        "findings", findings == null ? List.of() : findings.get())))));
    }
}
