package dev.keyhole.iam.simulate;

import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.policy.Policy;

/** Evaluates a {@link SimulationCase}. */
public final class Simulator {

    private Simulator() {}

    /** Prepares the case's policies and decides its request. */
    public static Decision evaluate(SimulationCase c) {
        PolicySet.Builder b = PolicySet.builder();
        try {
            for (Policy p : c.identityPolicies()) {
                b.identity(p);
            }
            b.permissionsBoundary(c.permissionsBoundary());
            b.sessionPolicy(c.sessionPolicy());
            b.resourcePolicy(c.resourcePolicy());
        } catch (PolicyParseException e) {
            throw new CaseException("invalid policy: " + e.getMessage());
        }
        return b.build().evaluate(c.request());
    }
}
