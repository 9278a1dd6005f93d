package dev.keyhole.gateway.ticket;

import static dev.keyhole.gateway.ticket.Fixtures.TOKEN;
import static dev.keyhole.gateway.ticket.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookProviderTest {

    private ScriptedServer itsm;
    private WebhookProvider provider;

    @BeforeEach
    void start() throws IOException {
        itsm = ScriptedServer.start().answer(200,
                "{\"accepted\": true, \"reason\": \"CHG-42 is approved until 18:00\", \"title\": \"Reindex orders\"}");
        provider = new WebhookProvider(itsm.uri().resolve("/keyhole/check"), TOKEN, Map.of("X-Team", "dba"),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        itsm.close();
    }

    @Test
    void theQueryIsPostedAsJsonWithTheBearerTokenAndTheExtraHeaders() throws IOException {
        provider.check(query("CHG-42"));

        ScriptedServer.Received r = itsm.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/keyhole/check");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.header("X-Team")).isEqualTo("dba");
        assertThat(TicketHttp.JSON.readTree(r.body())).isEqualTo(TicketHttp.JSON.readTree("""
                {"ticket": "CHG-42", "requester": "alice", "requesterEmail": "Alice@Example.com",
                 "runbook": "orders-by-customer", "correlationId": "kh-7f3a"}"""));
    }

    @Test
    void anUnknownEmailIsSentAsNullAndNoTokenMeansNoAuthorization() throws IOException {
        new WebhookProvider(itsm.uri(), null, Map.of(), Duration.ofSeconds(5))
                .check(new TicketQuery("CHG-42", "alice", null, "orders-by-customer", "kh-7f3a"));

        JsonNode sent = TicketHttp.JSON.readTree(itsm.last().body());
        assertThat(sent.has("requesterEmail")).isTrue();
        assertThat(sent.get("requesterEmail").isNull()).isTrue();
        assertThat(itsm.last().header("Authorization")).isNull();
    }

    @Test
    void anAcceptingAnswerAcceptsWithItsReasonAndTitle() {
        assertThat(provider.check(query("CHG-42")))
                .isEqualTo(TicketVerdict.accept("CHG-42 is approved until 18:00", "Reindex orders"));
    }

    @Test
    void aRejectingAnswerRejectsWithItsReason() {
        itsm.answer(200, "{\"accepted\": false, \"reason\": \"CHG-42 is not approved yet\"}");

        assertThat(provider.check(query("CHG-42")))
                .isEqualTo(TicketVerdict.reject("CHG-42 is not approved yet", null));
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 400, 404, 500})
    void anAnswerOtherThanA2xxVerdictFailsWithoutRevealingTheToken(int status) {
        itsm.answer(status, status == 204 ? "" : "{\"accepted\": true, \"reason\": \"should not count\"}");

        assertThatThrownBy(() -> provider.check(query("CHG-42")))
                .isInstanceOf(TicketCheckException.class)
                .satisfies(Fixtures::assertRevealsNoToken);
    }

    @Test
    void aRedirectIsNotFollowed() {
        itsm.answer(302, "", Map.of("Location", itsm.uri() + "/elsewhere"));

        assertThatThrownBy(() -> provider.check(query("CHG-42")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageContaining("answered HTTP 302");
        assertThat(itsm.received()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"accepted\": \"yes\", \"reason\": \"ok\"}", "{\"reason\": \"ok\"}",
        "{\"accepted\": true}", "{\"accepted\": false, \"reason\": \" \"}", "[true]", "accepted"})
    void anAnswerOutsideTheContractFails(String body) {
        itsm.answer(200, body);

        assertThatThrownBy(() -> provider.check(query("CHG-42")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageStartingWith("the ticket webhook at " + itsm.uri() + "/keyhole/check answered about `CHG-42`");
    }

    @Test
    void aSecretInTheUrlQueryIsNotShownInFailures() {
        itsm.answer(500, "{}");
        WebhookProvider signed = new WebhookProvider(itsm.uri().resolve("/hook?code=" + TOKEN), null, Map.of(),
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> signed.check(query("CHG-42")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageContaining(itsm.uri() + "/hook")
                .satisfies(Fixtures::assertRevealsNoToken);
    }
}
