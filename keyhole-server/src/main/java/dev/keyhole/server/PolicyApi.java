package dev.keyhole.server;

import dev.keyhole.iam.simulate.CaseException;
import dev.keyhole.iam.simulate.CaseReader;
import dev.keyhole.iam.simulate.DecisionJson;
import dev.keyhole.iam.simulate.Simulator;
import dev.keyhole.iam.simulate.SimulationCase;
import java.util.List;

/** IAM decisions exactly as AWS makes them, for a case posted as `keyhole policy simulate --cases` reads it. */
final class PolicyApi {

    private PolicyApi() {}

    static List<Route> routes(Services s) {
        return List.of(Route.post("/api/v1/policy/simulate", "Decide one request against the given policies",
                ctx -> {
                    SimulationCase c;
                    try {
                        c = CaseReader.read(Http.body(ctx));
                    } catch (CaseException | IllegalArgumentException e) {
                        throw ApiError.badRequest(e.getMessage());
                    }
                    Http.json(ctx, DecisionJson.write(c.name(), Simulator.evaluate(c)));
                }));
    }
}
