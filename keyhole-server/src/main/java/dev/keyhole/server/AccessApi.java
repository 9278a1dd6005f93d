package dev.keyhole.server;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.AccessReport;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.runbook.model.Runbook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who can run what, now, and why: the same decisions runs get (the JSON matrix, and the helpers the web UI's matrix uses). */
public final class AccessApi {

    private AccessApi() {}

    static List<Route> routes(Services s) {
        return List.of(
                Route.get("/api/v1/access/matrix", "Every principal against every runbook, with reasons and end times",
                        ctx -> Http.json(ctx, AccessReport.json(report(s).matrix(people(s), s.runbooks().get()), s.clock().instant()))),
                Route.get("/api/v1/access/who-can/{runbook}", "Who may run the runbook now",
                        ctx -> {
                            Runbook rb = s.runbook(ctx.pathParam("runbook"))
                                    .orElseThrow(() -> ApiError.notFound("no runbook `" + ctx.pathParam("runbook") + "`"));
                            Http.json(ctx, AccessReport.json(report(s).matrix(people(s), List.of(rb)), s.clock().instant()));
                        }),
                Route.get("/api/v1/access/what-can/{principal}", "What the principal may run now",
                        ctx -> {
                            String name = ctx.pathParam("principal");
                            Caller who = people(s).stream().filter(p -> p.name().equals(name)).findFirst()
                                    .orElse(new Caller(name, Set.of()));
                            Http.json(ctx, AccessReport.json(report(s).matrix(List.of(who), s.runbooks().get()), s.clock().instant()));
                        }));
    }

    /** The report over the server's own authorizer. */
    public static AccessReport report(Services s) {
        return new AccessReport(s.authorizer());
    }

    /** Configured people, plus anyone holding a grant. */
    public static List<Caller> people(Services s) {
        Map<String, Caller> byName = new LinkedHashMap<>();
        s.people().get().forEach(c -> byName.put(c.name(), c));
        for (Grant g : s.grants().list(null, null)) {
            byName.putIfAbsent(g.requester(), new Caller(g.requester(), Set.of()));
        }
        return new ArrayList<>(byName.values());
    }
}
