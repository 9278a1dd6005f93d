package dev.keyhole.gateway.credentials;

import dev.keyhole.iam.policy.Policy;
import java.time.Duration;
import java.util.Map;

/**
 * What to ask STS for.
 *
 * @param roleArn the execution role
 * @param sessionPolicy the narrowed session policy
 * @param duration how long the credentials live (900 s minimum)
 * @param sessionName the RoleSessionName: the execution's correlation id
 * @param sourceIdentity the person or service the run is for
 * @param tags session tags (ticket, runbook)
 * @param bindingKey identifies the binding (runbook version, query, parameter values, caller); credentials
 *     are reused only for the same key
 */
public record SessionRequest(String roleArn, Policy sessionPolicy, Duration duration, String sessionName,
                             String sourceIdentity, Map<String, String> tags, String bindingKey) {

    public SessionRequest {
        tags = Map.copyOf(tags);
    }
}
