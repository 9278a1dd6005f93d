package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.dynamo.iam.KeySchemaLookup;

/**
 * The DynamoDB side of the local engine: executes one already-authenticated, already-authorized
 * operation of DynamoDB's JSON 1.0 protocol.
 *
 * <p>The HTTP layer owns signatures, credentials and IAM enforcement; this owns tables, items and
 * DynamoDB's semantics and error messages.
 */
public interface DynamoDbService extends AutoCloseable {

    /**
     * Executes {@code operation} (the part after {@code DynamoDB_20120810.} in {@code X-Amz-Target},
     * e.g. {@code Query}) with the parsed request body, returning the response body.
     *
     * @throws DynamoDbException with DynamoDB's error type, message and HTTP status
     */
    JsonNode handle(String operation, JsonNode request);

    /** The key schemas of existing tables and indexes, for deriving IAM condition keys. */
    KeySchemaLookup schemas();

    @Override
    void close();
}
