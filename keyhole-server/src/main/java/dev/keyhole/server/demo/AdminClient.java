package dev.keyhole.server.demo;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A DynamoDB client as the local engine's demo admin, for creating and seeding demo tables. */
public final class AdminClient {

    private AdminClient() {}

    /** A client for the local engine at {@code endpoint}; close it after use. */
    public static DynamoDbClient of(URI endpoint, String region) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalIdentities.ADMIN_ACCESS_KEY, LocalIdentities.ADMIN_SECRET))).build();
    }
}
