package dev.keyhole.gateway.execute;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one execution returned.
 *
 * @param correlationId the execution's id
 * @param items the items, masked, in DynamoDB's order
 * @param cursor the sealed cursor for the next page, or {@code null} when there is none (or a cap was reached)
 * @param capReached whether the runbook's page or item cap stopped the run
 * @param pages DynamoDB pages read in this call
 * @param scanned items DynamoDB evaluated in this call
 * @param consumedCapacity read capacity units consumed
 * @param elapsed wall time of this call
 * @param accessKeyId the temporary access key used (for joining CloudTrail)
 * @param sessionName the STS session name used
 */
public record RunResult(String correlationId, List<Map<String, AttributeValue>> items, String cursor,
                        boolean capReached, int pages, int scanned, double consumedCapacity, Duration elapsed,
                        String accessKeyId, String sessionName) {

    public RunResult {
        items = List.copyOf(items);
    }
}
