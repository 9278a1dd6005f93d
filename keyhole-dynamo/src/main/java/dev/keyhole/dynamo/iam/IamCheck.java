package dev.keyhole.dynamo.iam;

import dev.keyhole.iam.request.ContextValue;
import java.util.Map;
import java.util.Objects;

/**
 * One IAM authorization a DynamoDB request needs: an action on a resource with the service-specific
 * condition keys that request produces. Global {@code aws:*} keys are added by whoever knows the
 * caller and the connection.
 *
 * @param action e.g. {@code dynamodb:Query}
 * @param resource the table ARN, or the index ARN for a query on an index
 * @param keys {@code dynamodb:*} condition keys, e.g. {@code dynamodb:LeadingKeys}
 */
public record IamCheck(String action, String resource, Map<String, ContextValue> keys) {

    public IamCheck {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        keys = Map.copyOf(keys);
    }
}
