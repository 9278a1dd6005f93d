package dev.keyhole.drift.classify;

import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.iam.request.ContextValue;
import java.time.Duration;
import java.util.Set;

/**
 * The calls one runbook query can make, whatever its parameters: one action on one table or index
 * ARN (which pins account, region, table and index), touching only some attributes.
 *
 * @param runbook the runbook's name
 * @param query the query's name
 * @param action e.g. {@code dynamodb:Query}
 * @param resource the table or index ARN
 * @param attributes the top-level attributes it may touch (keys, conditions, projection), or {@code null}
 *     when it returns whole items
 * @param role the execution role keyhole assumes for it
 * @param sessionTtl how long its credentials live
 */
public record QueryFamily(String runbook, String query, String action, String resource, Set<String> attributes,
                          String role, Duration sessionTtl) {

    /** Whether a call with this check is one this query family makes. */
    public boolean explains(IamCheck c) {
        if (!action.equals(c.action()) || !resource.equals(c.resource())) {
            return false;
        }
        ContextValue touched = c.keys().get("dynamodb:Attributes");
        // CloudTrail may leave the attributes out: then table, index and action decide.
        return attributes == null || touched == null || attributes.containsAll(touched.values());
    }

    /** {@code runbook/query}, for messages. */
    public String label() {
        return runbook + "/" + query;
    }
}
