package dev.keyhole.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import dev.keyhole.local.dynamodb.DynamoDbService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real DynamoDB service behind a recorder: notes the name of every operation that reaches it, in order,
 * then hands the call on unchanged. Tests use it to prove what the protocol, authentication and IAM layers
 * let through; the answers, errors and key schemas are the real engine's.
 */
final class RecordingDynamoDbService implements DynamoDbService {

    private final DynamoDbService real;
    private final List<String> operations = new CopyOnWriteArrayList<>();

    RecordingDynamoDbService(DynamoDbService real) {
        this.real = real;
    }

    /** The operations that reached the service since the last {@link #forget()}, in order. */
    List<String> operations() {
        return List.copyOf(operations);
    }

    void forget() {
        operations.clear();
    }

    @Override
    public JsonNode handle(String operation, JsonNode request) {
        // Recorded before delegating: a call the engine refuses still reached it.
        operations.add(operation);
        return real.handle(operation, request);
    }

    @Override
    public KeySchemaLookup schemas() {
        return real.schemas();
    }

    @Override
    public void close() {
        real.close();
    }
}
