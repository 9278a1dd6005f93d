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
                    com.fasterxml.jackson.databind.JsonNode answer;
                    try {
                        SimulationCase c = CaseReader.read(Http.body(ctx));
                        // Reading checks the case's shape; evaluating parses its policies, which may still be invalid
                        // (a statement without Resource, say): both are the caller's input, answered 400.
                        answer = DecisionJson.write(c.name(), Simulator.evaluate(c));
                    } catch (CaseException | IllegalArgumentException e) {
                        throw ApiError.badRequest(e.getMessage());
                    }
                    Http.json(ctx, answer);
                }));
    }
}
