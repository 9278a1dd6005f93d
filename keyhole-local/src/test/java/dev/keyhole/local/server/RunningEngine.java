package dev.keyhole.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A real {@link LocalServer} on port 0 in front of the real {@link DynamoDbEngine}, seen through a
 * {@link RecordingDynamoDbService}; a clock tests can move; and real SDK clients that never retry, so a test
 * sees the first answer the server gives. The engine holds table {@code Orders} (partition key {@code pk})
 * with one item, {@code pk = a}, created directly on the engine so the recorder does not see it.
 *
 * <p>A test class shares one with {@code @RegisterExtension static final RunningEngine local =
 * RunningEngine.withTestIdentities();}: before each test the clock is back at real time and nothing is
 * recorded; after the last test it is closed. Started with {@link #with} it is a plain resource for
 * try-with-resources.
 */
final class RunningEngine implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock();
    final RecordingDynamoDbService dynamo;
    final LocalServer server;

    private RunningEngine(LocalServerConfig config) {
        LocalServerConfig c = config.withClock(clock);
        DynamoDbEngine engine = DynamoDbEngine.open(c.dataDir(), c.region(), c.account(), clock);
        if (engine.schemas().keys("Orders").isEmpty()) {
            engine.handle("CreateTable", json("{'TableName':'Orders','BillingMode':'PAY_PER_REQUEST',"
                    + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                    + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}"));
            engine.handle("PutItem", json("{'TableName':'Orders','Item':{'pk':{'S':'a'}}}"));
        }
        dynamo = new RecordingDynamoDbService(engine);
        try {
            server = LocalServer.start(c, dynamo);
        } catch (IOException e) {
            dynamo.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /** With the test identities ({@link TestIdentities}), IAM enforced, everything in memory. */
    static RunningEngine withTestIdentities() {
        try {
            Path dir = Files.createTempDirectory("keyhole-local-test");
            Path iam = TestIdentities.write(dir);
            dir.toFile().deleteOnExit();
            iam.toFile().deleteOnExit();
            return new RunningEngine(LocalServerConfig.defaults().withIamFile(iam));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@code config} says, but on this engine's clock; the DynamoDB engine uses the same data directory. */
    static RunningEngine with(LocalServerConfig config) {
        return new RunningEngine(config);
    }

    DynamoDbClient dynamoDb(String key, String secret) {
        return dynamoDb(AwsBasicCredentials.create(key, secret), Region.US_EAST_1);
    }

    DynamoDbClient dynamoDb(Credentials c) {
        return dynamoDb(session(c), Region.US_EAST_1);
    }

    DynamoDbClient dynamoDb(AwsCredentials credentials, Region region) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    DynamoDbClient adminDynamoDb() {
        return dynamoDb(TestIdentities.ADMIN_KEY, TestIdentities.ADMIN_SECRET);
    }

    StsClient sts(String key, String secret) {
        return sts(AwsBasicCredentials.create(key, secret));
    }

    StsClient sts(Credentials c) {
        return sts(session(c));
    }

    StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    StsClient keyholeSts() {
        return sts(TestIdentities.KEYHOLE_KEY, TestIdentities.KEYHOLE_SECRET);
    }

    private static AwsSessionCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clock.reset();
        dynamo.forget();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.close();
    }
}
