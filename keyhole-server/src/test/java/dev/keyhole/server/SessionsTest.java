package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.Caller;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final MovableClock clock = new MovableClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofHours(8));

    @Test
    void aSessionIsFoundByItsIdOnlyAndEndsWhenClosed() {
        Sessions.Session s = sessions.open(new Caller("alice", Set.of("oncall")));
        assertThat(sessions.find(s.id())).contains(s);
        assertThat(sessions.find(s.id().substring(1))).isEmpty();
        assertThat(sessions.find(s.csrf())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        sessions.close(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void aSessionEndsAtItsLifetimeByTheServersClock() {
        Sessions.Session s = sessions.open(new Caller("alice", Set.of("oncall")));
        clock.move(Duration.ofHours(8).minusSeconds(1));
        assertThat(sessions.find(s.id())).isPresent();
        clock.move(Duration.ofHours(8));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        Sessions.Session s = sessions.open(new Caller("alice", Set.of("oncall")));
        assertThat(Sessions.csrfMatches(s, s.csrf())).isTrue();
        assertThat(Sessions.csrfMatches(s, s.csrf() + "x")).isFalse();
        assertThat(Sessions.csrfMatches(s, null)).isFalse();
    }
}
