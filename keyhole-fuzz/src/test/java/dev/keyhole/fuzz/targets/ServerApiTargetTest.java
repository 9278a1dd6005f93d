package dev.keyhole.fuzz.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerApiTargetTest {

    @Test
    void directoryDropsQueryFragmentAndLastSegment() {
        assertThat(ServerApiTarget.directory("/api/v1/runbooks/orders-by-customer/runs?limit=5"))
                .isEqualTo("/api/v1/runbooks/orders-by-customer/");
        assertThat(ServerApiTarget.directory("/api/v1/grants#x/y")).isEqualTo("/api/v1/");
        assertThat(ServerApiTarget.directory("/api/v1/grants/")).isEqualTo("/api/v1/grants/");
        assertThat(ServerApiTarget.directory("?a=/b")).isEmpty();
        assertThat(ServerApiTarget.directory("nothing")).isEmpty();
    }

    @Test
    void directoryOfALongSegmentIsCutTo40Characters() {
        // The long run's input: a 60 KB segment followed by more path, which a backtracking pattern took seconds on.
        String target = "/api/v1/" + "x".repeat(60_000) + "/runs";
        assertThat(ServerApiTarget.directory(target)).isEqualTo(("/api/v1/" + "x".repeat(60_000)).substring(0, 40));
    }
}
