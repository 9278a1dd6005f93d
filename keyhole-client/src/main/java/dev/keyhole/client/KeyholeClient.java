package dev.keyhole.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Runs keyhole runbooks from a service, signed in as the service's own IAM identity: no keyhole token to
 * store or leak. Each HTTP call carries a fresh {@link IamSignIn} token made from the credentials provider
 * (by default the AWS SDK's chain: environment, profile, container, instance role) and a correlation id that
 * stays the same across the pages and retries of one run. Runs are reads, so throttling (429), an unavailable
 * gateway (502, 503) and connection failures are retried with backoff and jitter, a bounded number of times.
 * Thread-safe; build one and share it.
 *
 * <pre>{@code
 * KeyholeClient keyhole = KeyholeClient.builder()
 *         .endpoint(URI.create("https://keyhole.internal"))
 *         .audience("keyhole.internal")
 *         .build();
 * Page page = keyhole.run("orders-by-customer", Map.of("customerId", "C-1001"), "job-2026-11-25-nightly");
 * }</pre>
 */
public final class KeyholeClient {

    /** The header that carries the correlation id, both ways. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Set<Integer> RETRIED = Set.of(429, 502, 503);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final URI endpoint;
    private final String audience;
    private final AwsCredentialsProvider credentials;
    private final URI stsEndpoint;
    private final Region region;
    private final Clock clock;
    private final Duration timeout;
    private final Retry retry;
    private final HttpClient http;

    private KeyholeClient(Builder b) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.audience = Objects.requireNonNull(b.audience, "audience");
        this.credentials = b.credentials != null ? b.credentials : DefaultCredentialsProvider.builder().build();
        this.region = b.region != null ? b.region : new DefaultAwsRegionProviderChain().getRegion();
        this.stsEndpoint = b.stsEndpoint != null ? b.stsEndpoint : URI.create("https://sts." + region.id() + ".amazonaws.com/");
        this.clock = b.clock;
        this.timeout = b.timeout;
        this.retry = new Retry(b.maxAttempts, b.retryBackoff);
        this.http = HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the default query of {@code runbook} and returns the first page.
     *
     * @param ticketOrReason an incident ticket, or — where the runbook lets services give one — a job id or reason
     * @throws KeyholeException when keyhole refuses (e.g. {@code not-allowed}), fails or cannot be reached
     */
    public Page run(String runbook, Map<String, String> params, String ticketOrReason) {
        return call(runbook, params, ticketOrReason, null, UUID.randomUUID().toString());
    }

    /** The page after {@code page}, under the same correlation id. */
    public Page next(Page page) {
        if (!page.hasNext()) {
            throw new IllegalArgumentException("page of `" + page.runbook() + "` is the last one");
        }
        return call(page.runbook(), page.params(), page.ticket(), page.cursor(), page.correlationId());
    }

    private Page call(String runbook, Map<String, String> params, String ticket, String cursor, String correlationId) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode p = body.putObject("params");
        params.forEach(p::put);
        body.put("ticket", ticket);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        URI uri = endpoint.resolve("/api/v1/runbooks/" + URLEncoder.encode(runbook, StandardCharsets.UTF_8).replace("+", "%20")
                + "/runs");
        JsonNode answer = retry.call(attempt -> send(uri, body.toString(), correlationId));
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            items.add(JSON.convertValue(item, new TypeReference<Map<String, Object>>() {}));
        }
        String next = answer.path("cursor").isTextual() ? answer.get("cursor").asText() : null;
        return new Page(items, next, answer.path("correlationId").asText(correlationId), runbook, params, ticket);
    }

    private JsonNode send(URI uri, String body, String correlationId) throws Retry.Again {
        HttpRequest request;
        try {
            // A fresh token every time: keyhole accepts each one once.
            String token = IamSignIn.token(credentials.resolveCredentials(), region, stsEndpoint, audience, clock);
            request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header(CORRELATION_HEADER, correlationId)
                    .header("User-Agent", "keyhole-client")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (RuntimeException e) {
            throw new KeyholeException(0, "no-credentials", null, "could not sign in to keyhole with this process's AWS "
                    + "credentials: " + e.getMessage(), correlationId, e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Retry.Again(new KeyholeException(0, "unreachable", null, "keyhole at " + endpoint + " did not answer: "
                    + e, correlationId, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyholeException(0, "interrupted", null, "interrupted while waiting for keyhole", correlationId, e);
        }
        JsonNode n = parse(response.body());
        if (response.statusCode() == 200 && n != null) {
            return n;
        }
        KeyholeException e = failure(response.statusCode(), n, correlationId);
        if (RETRIED.contains(response.statusCode())) {
            throw new Retry.Again(e);
        }
        throw e;
    }

    private static KeyholeException failure(int status, JsonNode n, String correlationId) {
        if (n == null || !n.path("error").isTextual()) {
            return new KeyholeException(status, "http-" + status, null, "keyhole answered HTTP " + status
                    + " without an error body", correlationId, null);
        }
        String kind = n.path("kind").isTextual() ? n.get("kind").asText() : null;
        return new KeyholeException(status, n.get("error").asText(), kind, n.path("message").asText(),
                n.path("correlationId").asText(correlationId), null);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Builds a {@link KeyholeClient}; {@code endpoint} and {@code audience} are required. */
    public static final class Builder {
        private URI endpoint;
        private String audience;
        private AwsCredentialsProvider credentials;
        private URI stsEndpoint;
        private Region region;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration retryBackoff = Duration.ofMillis(200);

        private Builder() {}

        /** Where {@code keyhole serve} listens, e.g. {@code https://keyhole.internal}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The server id that keyhole is configured with ({@code iamAuth.audience}); tokens are bound to it. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Whose identity to sign in as; default: the AWS SDK's default chain. */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The STS endpoint keyhole trusts; default {@code https://sts.REGION.amazonaws.com/}. */
        public Builder stsEndpoint(URI stsEndpoint) {
            this.stsEndpoint = stsEndpoint;
            return this;
        }

        /** The region tokens are signed for; default: the AWS SDK's region chain ({@code AWS_REGION}, profile, ...). */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** The clock that stamps tokens (tests). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Connect and request timeout; default 30 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Tries per call, the first included (default 3), and the backoff's first step (default 200 ms). */
        public Builder retries(int maxAttempts, Duration backoff) {
            this.maxAttempts = maxAttempts;
            this.retryBackoff = backoff;
            return this;
        }

        public KeyholeClient build() {
            return new KeyholeClient(this);
        }
    }
}
