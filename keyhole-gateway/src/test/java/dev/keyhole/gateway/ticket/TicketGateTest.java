package dev.keyhole.gateway.ticket;

import static dev.keyhole.gateway.ticket.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketGateTest {

    private final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-24T09:00:00Z"));
    private final RecordingProvider jira = RecordingProvider.accepting();
    private final TicketGate gate = new TicketGate(TicketProviders.of(Map.of("jira", jira)), Duration.ofSeconds(60),
            clock);

    @Test
    void anAcceptedVerdictIsReusedWithinTheTtl() {
        TicketVerdict first = gate.check("jira", query("INC-7"));
        clock.move(Duration.ofSeconds(59));
        TicketVerdict second = gate.check("jira", query("INC-7"));

        assertThat(second).isEqualTo(first).extracting(TicketVerdict::accepted).isEqualTo(true);
        assertThat(jira.asked()).hasSize(1);
    }

    @Test
    void anAcceptedVerdictIsAskedForAgainOnceTheTtlHasPassed() {
        gate.check("jira", query("INC-7"));
        clock.move(Duration.ofSeconds(60));
        jira.answerWith(q -> TicketVerdict.reject("`INC-7` is Done", null));

        assertThat(gate.check("jira", query("INC-7")).accepted()).isFalse();
        assertThat(jira.asked()).hasSize(2);
    }

    @Test
    void aRejectionIsNeverRemembered() {
        jira.answerWith(q -> TicketVerdict.reject("`INC-7` is unassigned", null));
        gate.check("jira", query("INC-7"));
        jira.answerWith(q -> TicketVerdict.accept("`INC-7` is In Progress, assigned to alice", null));

        assertThat(gate.check("jira", query("INC-7")).accepted()).isTrue();
        assertThat(jira.asked()).hasSize(2);
    }

    @Test
    void aFailureIsPassedOnAndNotRemembered() {
        jira.answerWith(q -> {
            throw new TicketCheckException("Jira at https://example.atlassian.net answered HTTP 503");
        });
        assertThatThrownBy(() -> gate.check("jira", query("INC-7"))).isInstanceOf(TicketCheckException.class)
                .hasMessageContaining("HTTP 503");
        jira.answerWith(q -> TicketVerdict.accept("`INC-7` is In Progress", null));

        assertThat(gate.check("jira", query("INC-7")).accepted()).isTrue();
        assertThat(jira.asked()).hasSize(2);
    }

    @Test
    void anAcceptanceIsReusedOnlyForTheSameTicketRequesterAndRunbook() {
        gate.check("jira", query("INC-7"));
        gate.check("jira", query("INC-8"));
        gate.check("jira", new TicketQuery("INC-7", "bob", "bob@example.com", "orders-by-customer", "kh-2"));
        gate.check("jira", new TicketQuery("INC-7", "alice", "alice@example.com", "customer-profile", "kh-3"));
        gate.check("jira", new TicketQuery("INC-7", "alice", "alice@example.com", "orders-by-customer", "kh-4"));

        assertThat(jira.asked()).extracting(TicketQuery::correlationId).containsExactly("kh-7f3a", "kh-7f3a", "kh-2",
                "kh-3");
    }

    @Test
    void anAcceptanceByOneProviderIsNotReusedForAnother() {
        RecordingProvider itsm = RecordingProvider.rejecting();
        TicketGate two = new TicketGate(TicketProviders.of(Map.of("jira", jira, "itsm", itsm)), Duration.ofSeconds(60),
                clock);
        two.check("jira", query("INC-7"));

        assertThat(two.check("itsm", query("INC-7")).accepted()).isFalse();
        assertThat(itsm.asked()).hasSize(1);
    }

    @Test
    void aZeroTtlRemembersNothing() {
        TicketGate forgetful = new TicketGate(TicketProviders.of(Map.of("jira", jira)), Duration.ZERO, clock);
        forgetful.check("jira", query("INC-7"));
        forgetful.check("jira", query("INC-7"));

        assertThat(jira.asked()).hasSize(2);
    }

    @Test
    void anUnknownProviderIsRefusedBeforeAnythingIsAsked() {
        assertThatThrownBy(() -> gate.check("servicenow", query("INC-7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no ticket provider `servicenow`; known: jira, pattern");
        assertThat(jira.asked()).isEmpty();
    }
}
