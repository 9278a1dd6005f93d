package dev.keyhole.server.ui;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.AccessReport;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.server.AccessApi;
import dev.keyhole.server.Route;
import dev.keyhole.server.Services;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Who can run what, when, why": one row per person, one column per runbook, each cell decided now by the
 * authorizer a run uses, with its reason and when the right ends.
 */
final class AccessPage {

    /** One person's row, cells in the order of the runbook columns. */
    record Row(String principal, List<AccessReport.Cell> cells) {}

    private AccessPage() {}

    static List<Route> routes(Services s, Templates t) {
        return List.of(Route.page(HandlerType.GET, "/access", "Who can run what, when and why", Guard.page(t, ctx -> {
            List<Runbook> runbooks = s.runbooks().get();
            List<Caller> people = AccessApi.people(s);
            Map<String, List<AccessReport.Cell>> byPerson = new LinkedHashMap<>();
            people.forEach(p -> byPerson.put(p.name(), new ArrayList<>()));
            for (AccessReport.Cell c : AccessApi.report(s).matrix(people, runbooks)) {
                byPerson.get(c.principal()).add(c);
            }
            List<Row> rows = byPerson.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
            t.render(ctx, "access", Map.of("frame", Frame.of(ctx, "Who can run what", "/access"),
                    "runbooks", runbooks.stream().map(Runbook::name).toList(), "rows", rows,
                    "now", s.clock().instant()));
        })));
    }
}
