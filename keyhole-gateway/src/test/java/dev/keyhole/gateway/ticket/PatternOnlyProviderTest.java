package dev.keyhole.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternOnlyProviderTest {

    @Test
    void everyTicketIsAcceptedBecauseThePatternWasTheWholeCheck() {
        TicketVerdict v = new PatternOnlyProvider().check(Fixtures.query("ANYTHING-AT-ALL"));

        assertThat(v).isEqualTo(new TicketVerdict(true, "checked offline against the runbook's pattern", null));
    }
}
