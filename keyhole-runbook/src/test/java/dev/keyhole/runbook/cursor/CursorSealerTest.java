package dev.keyhole.runbook.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorSealerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final byte[] KEY = new byte[32];
    private static final CursorBinding BINDING = new CursorBinding("orders-by-customer", "abc", "recent",
            Map.of("customerId", "C-1001"), "user:alice");
    private static final CursorState STATE = new CursorState("{\"customerId\":{\"S\":\"C-1001\"}}", 2, 20,
            NOW.plus(Duration.ofMinutes(15)));

    private static CursorSealer at(Instant t) {
        return new CursorSealer(KEY, Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void oneSealerReusedAcrossThreadsOpensEachCursorToItsOwnStateAndStillRejectsTamperedOnes() throws Exception {
        CursorSealer sealer = at(NOW);
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (int i = 0; i < 300; i++) {
                        CursorState mine = new CursorState("{\"k\":\"" + thread + "-" + i + "\"}", i, thread, STATE.expires());
                        String cursor = sealer.seal(BINDING, mine);
                        assertThat(seen.add(cursor)).as("a fresh nonce every time").isTrue();
                        assertThat(sealer.open(BINDING, cursor)).isEqualTo(mine);
                        byte[] raw = Base64.getUrlDecoder().decode(cursor);
                        raw[raw.length - 1 - i % 16] ^= 1;
                        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                        assertThatThrownBy(() -> sealer.open(BINDING, tampered)).isInstanceOf(CursorException.class);
                        assertThatThrownBy(() -> sealer.open(new CursorBinding("orders-by-customer", "abc", "recent",
                                Map.of("customerId", "C-2002"), "user:alice"), cursor)).isInstanceOf(CursorException.class);
                        assertThat(sealer.open(BINDING, cursor)).isEqualTo(mine);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aSealedCursorOpensForTheSameBinding() {
        String cursor = at(NOW).seal(BINDING, STATE);
        assertThat(at(NOW.plusSeconds(60)).open(BINDING, cursor)).isEqualTo(STATE);
    }

    @Test
    void aTamperedCursorIsRejected() {
        byte[] raw = Base64.getUrlDecoder().decode(at(NOW).seal(BINDING, STATE));
        raw[raw.length - 5] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThatThrownBy(() -> at(NOW).open(BINDING, tampered))
                .isInstanceOf(CursorException.class).hasMessageContaining("altered");
    }

    @Test
    void aCursorForAnotherPrincipalOrOtherParametersIsRejected() {
        String cursor = at(NOW).seal(BINDING, STATE);
        assertThatThrownBy(() -> at(NOW).open(new CursorBinding("orders-by-customer", "abc", "recent",
                Map.of("customerId", "C-1001"), "user:mallory"), cursor)).isInstanceOf(CursorException.class);
        assertThatThrownBy(() -> at(NOW).open(new CursorBinding("orders-by-customer", "abc", "recent",
                Map.of("customerId", "C-2002"), "user:alice"), cursor)).isInstanceOf(CursorException.class);
        assertThatThrownBy(() -> at(NOW).open(new CursorBinding("orders-by-customer", "changed", "recent",
                Map.of("customerId", "C-1001"), "user:alice"), cursor)).isInstanceOf(CursorException.class);
    }

    @Test
    void anExpiredCursorIsRejected() {
        String cursor = at(NOW).seal(BINDING, STATE);
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofMinutes(15))).open(BINDING, cursor))
                .isInstanceOf(CursorException.class).hasMessageContaining("expired");
    }

    @Test
    void garbageIsRejectedWithoutAStackTrace() {
        assertThatThrownBy(() -> at(NOW).open(BINDING, "not a cursor!")).isInstanceOf(CursorException.class);
        assertThatThrownBy(() -> at(NOW).open(BINDING, "AAAA")).isInstanceOf(CursorException.class);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String cursor = at(NOW).seal(BINDING, STATE);
        CursorSealer other = new CursorSealer(CursorSealer.newKey(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> other.open(BINDING, cursor)).isInstanceOf(CursorException.class);
    }
}
