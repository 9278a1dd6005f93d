package dev.keyhole.iam.simulate;

import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.request.Request;
import java.util.List;

/**
 * One request and the policies that apply to it, as read from a case line or file.
 *
 * @param name the case's name, or {@code null}
 * @param request the request
 * @param identityPolicies identity-based policies, in order
 * @param permissionsBoundary the boundary, or {@code null}
 * @param sessionPolicy the session policy, or {@code null}
 * @param resourcePolicy the resource-based policy, or {@code null}
 */
public record SimulationCase(
        String name,
        Request request,
        List<Policy> identityPolicies,
        Policy permissionsBoundary,
        Policy sessionPolicy,
        Policy resourcePolicy) {

    public SimulationCase {
        identityPolicies = List.copyOf(identityPolicies);
    }
}
