package dev.keyhole.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The client against a scripted keyhole: what it sends, what it retries, what it gives up on. */
class KeyholeClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "{\"correlationId\":\"c-1\",\"cursor\":null,\"items\":[{\"orderId\":\"O-1\",\"total\":12.5}]}";
    private static final AwsBasicCredentials CREDS = AwsBasicCredentials.create("AKIAEXAMPLECLIENT001", "not-a-real-secret");

    private record Answer(int status, String body) {}

    private record Seen(String authorization, String correlationId, String body) {}

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer keyhole;

    private KeyholeClient client() throws IOException {
        keyhole = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyhole.createContext("/", ex -> {
            seen.add(new Seen(ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("X-Correlation-Id"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer a = script.isEmpty() ? new Answer(500, "{}") : script.poll();
            byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        keyhole.start();
        return KeyholeClient.builder().endpoint(URI.create("http://127.0.0.1:" + keyhole.getAddress().getPort()))
                .audience("keyhole.test").stsEndpoint(URI.create("https://sts.us-east-1.amazonaws.com/"))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(CREDS))
                .retries(3, Duration.ofMillis(5)).build();
    }

    @AfterEach
    void stop() {
        if (keyhole != null) {
            keyhole.stop(0);
        }
    }

    private static String error(String code, String kind) {
        return "{\"error\":\"" + code + "\",\"message\":\"because\",\"correlationId\":\"c-1\"" + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + "}";
    }

    @Test
    void throttledAndUnavailableAnswersAreRetriedUnderOneCorrelationIdWithFreshSignIns() throws Exception {
        KeyholeClient c = client();
        script.add(new Answer(503, error("audit-unavailable", null)));
        script.add(new Answer(429, error("throttled", null)));
        script.add(new Answer(200, PAGE));
        Page page = c.run("orders-by-customer", Map.of("customerId", "C-1001"), "job-1");
        assertThat(page.items()).singleElement().satisfies(i -> assertThat(i).containsEntry("orderId", "O-1"));
        assertThat(page.hasNext()).isFalse();
        assertThat(seen).hasSize(3);
        assertThat(seen).extracting(Seen::correlationId).containsOnly(seen.get(0).correlationId()).doesNotContainNull();
        assertThat(seen).extracting(Seen::authorization).doesNotHaveDuplicates();
        JsonNode body = JSON.readTree(seen.get(0).body());
        assertThat(body.get("params").get("customerId").asText()).isEqualTo("C-1001");
        assertThat(body.get("ticket").asText()).isEqualTo("job-1");
    }

    @Test
    void itGivesUpAfterThreeAttempts() throws Exception {
        KeyholeClient c = client();
        for (int i = 0; i < 5; i++) {
            script.add(new Answer(503, error("audit-unavailable", null)));
        }
        KeyholeException e = assertThrows(KeyholeException.class, () -> c.run("r", Map.of(), "job-1"));
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("audit-unavailable");
        assertThat(seen).hasSize(3);
    }

    @Test
    void refusalsAreNotRetried() throws Exception {
        KeyholeClient c = client();
        script.add(new Answer(403, error("refused", "not-allowed")));
        KeyholeException e = assertThrows(KeyholeException.class, () -> c.run("r", Map.of(), "job-1"));
        assertThat(e.kind()).isEqualTo("not-allowed");
        assertThat(e.correlationId()).isEqualTo("c-1");
        assertThat(seen).hasSize(1);
    }

    @Test
    void theSignInIsBoundToTheAudienceByASignedHeader() throws Exception {
        String token = IamSignIn.token(CREDS, Region.US_EAST_1, URI.create("https://sts.us-east-1.amazonaws.com/"),
                "keyhole.test", Clock.systemUTC());
        assertThat(token).startsWith(IamSignIn.PREFIX);
        JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(IamSignIn.PREFIX.length())));
        assertThat(n.get("body").asText()).isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(n.get("headers").get(IamSignIn.SERVER_ID_HEADER).asText()).isEqualTo("keyhole.test");
        assertThat(n.get("headers").get("Authorization").asText()).contains("x-keyhole-nonce").contains("x-keyhole-server-id")
                .contains("/us-east-1/sts/aws4_request");
    }
}
