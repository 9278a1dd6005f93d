package dev.keyhole.gateway.execute;

import dev.keyhole.gateway.credentials.SessionCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB client per set of minted credentials, all sharing one HTTP connection pool and one timeout
 * timer; a client is closed and dropped once its credentials have been expired for a while. Retries use
 * the SDK's standard strategy: exponential backoff with jitter on throttling and transient errors,
 * then a clear error; attempts and calls are bounded in time ({@link AwsCallLimits}).
 */
public final class DynamoDbClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final URI endpoint;
    private final AwsCallLimits limits;
    /**
     * How long after its credentials expire a client is kept: a run that started before the expiry may still be
     * on its last pages (each call is cut off after {@link AwsCallLimits#callTimeout()}).
     */
    static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(10);

    private record Cached(DynamoDbClient client, Instant expiration) {}

    private final ConcurrentHashMap<String, Cached> byAccessKey = new ConcurrentHashMap<>();

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
        String key = creds.accessKeyId() + "|" + region;
        Cached c = byAccessKey.get(key);
        if (c != null) {
            return c.client();
        }
        dropExpired();
        return byAccessKey.computeIfAbsent(key, k -> {
            var b = DynamoDbClient.builder()
                    .httpClient(http)
                    .region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                    .overrideConfiguration(limits.overrides());
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            return new Cached(b.build(), creds.expiration());
        }).client();
    }

    /** Closes the clients of credentials expired longer than {@link #KEEP_AFTER_EXPIRY} ago. */
    private void dropExpired() {
        Instant cutoff = Instant.now().minus(KEEP_AFTER_EXPIRY);
        byAccessKey.forEach((key, cached) -> {
            // Only the caller that removes it closes it: two sweeps at once close nothing twice.
            if (cached.expiration().isBefore(cutoff) && byAccessKey.remove(key, cached)) {
                cached.client().close();
            }
        });
    }

    /** How many clients are open (for tests). */
    int open() {
        return byAccessKey.size();
    }

    @Override
    public void close() {
        byAccessKey.values().forEach(c -> c.client().close());
        http.close();
    }
}
