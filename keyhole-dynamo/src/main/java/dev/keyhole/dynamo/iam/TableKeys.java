package dev.keyhole.dynamo.iam;

import java.util.Map;
import java.util.Objects;

/**
 * The key attribute names of a table and its indexes: what IAM needs to compute
 * {@code dynamodb:LeadingKeys}.
 *
 * @param partitionKey the table's partition key attribute name
 * @param sortKey the table's sort key attribute name, or {@code null}
 * @param indexes index name to that index's keys (GSIs and LSIs)
 */
public record TableKeys(String partitionKey, String sortKey, Map<String, TableKeys> indexes) {

    public TableKeys {
        Objects.requireNonNull(partitionKey, "partitionKey");
        indexes = Map.copyOf(indexes);
    }
}
