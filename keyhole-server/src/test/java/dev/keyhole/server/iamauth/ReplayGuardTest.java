package dev.keyhole.server.iamauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.server.ApiError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each sign-in signature once, until it expires; rejected signatures are forgotten. */
class ReplayGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void aSignatureIsAcceptedOnceWhileItLives() {
        ReplayGuard g = new ReplayGuard(10);
        assertThat(g.firstUse("sig", NOW.plusSeconds(300), NOW)).isTrue();
        assertThat(g.firstUse("sig", NOW.plusSeconds(300), NOW.plusSeconds(299))).isFalse();
        assertThat(g.firstUse("other", NOW.plusSeconds(300), NOW)).isTrue();
    }

    @Test
    void aReleasedSignatureMayBeTriedAgain() {
        ReplayGuard g = new ReplayGuard(10);
        g.firstUse("sig", NOW.plusSeconds(300), NOW);
        g.release("sig");
        assertThat(g.firstUse("sig", NOW.plusSeconds(300), NOW)).isTrue();
    }

    @Test
    void expiredSignaturesAreSweptWhenFullAndLiveOnesAreNever() {
        ReplayGuard g = new ReplayGuard(2);
        g.firstUse("a", NOW.plusSeconds(10), NOW);
        g.firstUse("b", NOW.plusSeconds(300), NOW);
        assertThat(g.firstUse("c", NOW.plusSeconds(400), NOW.plusSeconds(20))).isTrue();
        assertThat(g.size()).isEqualTo(2);
        assertThatThrownBy(() -> g.firstUse("d", NOW.plusSeconds(400), NOW.plusSeconds(20)))
                .isInstanceOf(ApiError.class).hasMessageContaining("too many IAM sign-ins");
        assertThat(g.firstUse("b", NOW.plusSeconds(300), NOW.plusSeconds(21))).as("b still remembered").isFalse();
    }
}
