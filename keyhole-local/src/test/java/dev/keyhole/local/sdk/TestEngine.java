package dev.keyhole.local.sdk;

import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The real local engine on port 0, in memory, with the shipped demo identities (examples/local/iam.yaml),
 * and real SDK clients for it.
 */
final class TestEngine implements AutoCloseable {

    static final Path IAM_FILE = Path.of("../examples/local/iam.yaml");

    final LocalServer server;

    private TestEngine() throws IOException {
        LocalServerConfig cfg = LocalServerConfig.defaults().withIamFile(IAM_FILE);
        server = LocalServer.start(cfg, DynamoDbEngine.open(null, cfg.region(), cfg.account(), cfg.clock()));
    }

    static TestEngine start() throws IOException {
        return new TestEngine();
    }

    DynamoDbClient adminDynamoDb() {
        return dynamoDb("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null, "us-east-1");
    }

    DynamoDbClient dynamoDb(Credentials c, String region) {
        return dynamoDb(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), region);
    }

    DynamoDbClient dynamoDb(String key, String secret, String token, String region) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(token == null
                        ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token)))
                .build();
    }

    StsClient keyholeSts() {
        return sts("AKIAKEYHOLEDEMO00001", "keyhole-demo-secret-not-for-production-0001");
    }

    StsClient sts(String key, String secret) {
        return StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
