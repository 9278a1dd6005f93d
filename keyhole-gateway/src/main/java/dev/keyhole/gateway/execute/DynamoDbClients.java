package dev.keyhole.gateway.execute;

import dev.keyhole.gateway.credentials.SessionCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB client per set of minted credentials, all sharing one HTTP connection pool. Retries use
 * the SDK's standard strategy: exponential backoff with jitter on throttling and transient errors,
 * then a clear error; attempts and calls are bounded in time ({@link AwsCallLimits}).
 */
public final class DynamoDbClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final URI endpoint;
    private final AwsCallLimits limits;
    private final ConcurrentHashMap<String, DynamoDbClient> byAccessKey = new ConcurrentHashMap<>();

    /** {@code endpoint}: the local engine's URI, or {@code null} for AWS. */
    public DynamoDbClients(URI endpoint, int maxAttempts) {
        this(endpoint, AwsCallLimits.DEFAULT.withMaxAttempts(maxAttempts));
    }

    /** {@code endpoint}: the local engine's URI, or {@code null} for AWS; every call within {@code limits}. */
    public DynamoDbClients(URI endpoint, AwsCallLimits limits) {
        this.endpoint = endpoint;
        this.limits = limits;
        this.http = Apache5HttpClient.builder().maxConnections(128).connectionTimeout(Duration.ofSeconds(5)).build();
    }

    /** The client for {@code creds} in {@code region}. */
    public DynamoDbClient forCredentials(SessionCredentials creds, String region) {
        return byAccessKey.computeIfAbsent(creds.accessKeyId() + "|" + region, k -> {
            var b = DynamoDbClient.builder()
                    .httpClient(http)
                    .region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                    .overrideConfiguration(limits.overrides());
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            return b.build();
        });
    }

    @Override
    public void close() {
        byAccessKey.values().forEach(DynamoDbClient::close);
        http.close();
    }
}
