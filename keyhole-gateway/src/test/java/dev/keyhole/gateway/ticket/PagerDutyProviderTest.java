package dev.keyhole.gateway.ticket;

import static dev.keyhole.gateway.ticket.Fixtures.TOKEN;
import static dev.keyhole.gateway.ticket.Fixtures.incident;
import static dev.keyhole.gateway.ticket.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PagerDutyProviderTest {

    private static final String TITLE = "Orders table throttling in eu-west-1";
    private ScriptedServer pagerDuty;
    private PagerDutyProvider provider;

    @BeforeEach
    void start() throws IOException {
        pagerDuty = ScriptedServer.start().answer(200, Fixtures.text("pagerduty-incident.json"));
        provider = new PagerDutyProvider(pagerDuty.uri(), TOKEN, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        pagerDuty.close();
    }

    @Test
    void aTriggeredIncidentIsAcceptedWithItsNumberAndTitle() {
        assertThat(provider.check(query("PT4KHLK")))
                .isEqualTo(TicketVerdict.accept("`PT4KHLK` (#1234) is triggered", TITLE));
    }

    @Test
    void anAcknowledgedIncidentIsAccepted() {
        pagerDuty.answer(200, incident("acknowledged"));

        assertThat(provider.check(query("PT4KHLK")))
                .isEqualTo(TicketVerdict.accept("`PT4KHLK` (#1234) is acknowledged", TITLE));
    }

    @Test
    void aResolvedIncidentIsRejected() {
        pagerDuty.answer(200, incident("resolved"));

        assertThat(provider.check(query("PT4KHLK"))).isEqualTo(TicketVerdict.reject(
                "`PT4KHLK` (#1234) is resolved; runs need an incident that is still open", TITLE));
    }

    @Test
    void aMissingIncidentIsRejected() {
        pagerDuty.answer(404, Fixtures.text("pagerduty-not-found.json"));

        assertThat(provider.check(query("PNOPE42"))).isEqualTo(TicketVerdict.reject(
                "`PNOPE42` does not exist in PagerDuty, or keyhole's API key cannot see it", null));
    }

    @Test
    void theIncidentIsReadWithTheTokenAndTheVersionedMediaType() {
        provider.check(query("PT4KHLK"));

        assertThat(pagerDuty.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.rawPath()).isEqualTo("/incidents/PT4KHLK");
            assertThat(r.header("Authorization")).isEqualTo("Token token=" + TOKEN);
            assertThat(r.header("Accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../users", "PT4KHLK/notes", "PT4KHLK?include[]=users", "#1234", "PT4KHLK ",
        "PT4-KHLK", "..%2Fusers"})
    void anIdThatIsNotAnIncidentIdIsRejectedWithoutCallingPagerDuty(String hostile) {
        TicketVerdict v = provider.check(query(hostile));

        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).endsWith("is not a PagerDuty incident id such as `PT4KHLK`");
        assertThat(pagerDuty.received()).isEmpty();
    }

    @Test
    void aRefusedKeyFailsWithoutRevealingIt() {
        pagerDuty.answer(401, "{\"error\":{\"message\":\"Unauthorized\",\"code\":2006}}");

        assertThatThrownBy(() -> provider.check(query("PT4KHLK")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageStartingWith("PagerDuty at " + pagerDuty.uri() + " refused keyhole's credentials (HTTP 401)")
                .satisfies(Fixtures::assertRevealsNoToken);
    }

    @Test
    void rateLimitingFailsAndSaysToTryAgain() {
        pagerDuty.answer(429, "{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}");

        assertThatThrownBy(() -> provider.check(query("PT4KHLK")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageEndingWith("answered HTTP 429 while checking `PT4KHLK`; try again later");
    }

    @Test
    void anIncidentInAStatusTheGateDoesNotKnowFails() {
        pagerDuty.answer(200, incident("snoozed"));

        assertThatThrownBy(() -> provider.check(query("PT4KHLK")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageContaining("has no `incident.status` of triggered, acknowledged or resolved");
    }
}
