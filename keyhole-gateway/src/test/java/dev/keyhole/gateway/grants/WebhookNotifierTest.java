package dev.keyhole.gateway.grants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grant changes reach a webhook receiver as Slack-compatible JSON; a failing receiver is reported, not fatal. */
class WebhookNotifierTest {

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            bodies.add(ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.createContext("/broken", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    private static Grant exception(Grant.State state) {
        Instant t = Instant.parse("2026-11-25T08:00:00Z");
        return new Grant("g-ABCDEFGH", Grant.Kind.EXCEPTION, "mallory", "refunds", "INC-9", "sev1", t, Duration.ofHours(1),
                1, Set.of("security"), List.of(new Grant.Approval("dan", t)), state, false, t, t.plusSeconds(3600), null,
                null, null);
    }

    @Test
    void eachEventArrivesAsSlackTextWithTheFactsBeside() throws Exception {
        WebhookNotifier n = new WebhookNotifier(List.of(uri("/hook")), Duration.ofSeconds(5), problems::add);
        n.notify("requested", exception(Grant.State.PENDING));
        n.notify("activated", exception(Grant.State.ACTIVE));
        n.notify("revoked", exception(Grant.State.REVOKED));
        assertThat(bodies).hasSize(3).allSatisfy(b -> assertThat(b).startsWith("application/json {"));
        JsonNode first = new ObjectMapper().readTree(bodies.get(0).substring(bodies.get(0).indexOf('{')));
        assertThat(first.get("text").asText()).isEqualTo("keyhole: mallory asks for an exception to run `refunds` for "
                + "INC-9 (sev1): `keyhole grants approve g-ABCDEFGH` — members of security");
        assertThat(first.get("keyhole").get("event").asText()).isEqualTo("requested");
        JsonNode second = new ObjectMapper().readTree(bodies.get(1).substring(bodies.get(1).indexOf('{')));
        assertThat(second.get("text").asText()).contains("mallory may run `refunds` until 2026-11-25T09:00:00Z");
        assertThat(second.get("keyhole").get("expires").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(problems).isEmpty();
    }

    @Test
    void aFailingWebhookIsReportedAndTheOthersStillHearIt() {
        WebhookNotifier n = new WebhookNotifier(List.of(uri("/broken"), URI.create("http://127.0.0.1:1/none"), uri("/hook")),
                Duration.ofSeconds(2), problems::add);
        n.notify("expired", exception(Grant.State.EXPIRED));
        assertThat(bodies).singleElement().asString().contains("g-ABCDEFGH (refunds for mallory) expired");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("answered 500");
        assertThat(problems.get(1)).contains("unreachable");
    }
}
