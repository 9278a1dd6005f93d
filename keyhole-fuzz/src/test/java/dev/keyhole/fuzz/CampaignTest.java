package dev.keyhole.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: it reports crashes and hangs, shrinks what it finds, and passes what is fine. */
class CampaignTest {

    /** Crashes on any input holding {@code boom}; never returns on one holding {@code hang}. */
    private static final class Fragile implements Target {
        @Override
        public String name() {
            return "fragile";
        }

        @Override
        public List<byte[]> seeds() {
            return List.of("a quiet seed".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<String> dictionary() {
            return List.of("boom");
        }

        @Override
        public String run(byte[] input) throws InterruptedException {
            String s = new String(input, StandardCharsets.UTF_8);
            if (s.contains("boom")) {
                throw new IllegalStateException("exploded");
            }
            if (s.contains("hang")) {
                Thread.sleep(Long.MAX_VALUE);
            }
            return "fine " + s.length() % 3;
        }
    }

    @Test
    void anUndocumentedExceptionIsACrashShrunkToItsCause() {
        Campaign.Report r = new Campaign(new Fragile(), Duration.ofSeconds(1), 7).run(2_000, done -> {});
        assertThat(r.failures()).anySatisfy(f -> {
            assertThat(f.finding().kind()).isEqualTo(Finding.Kind.CRASH);
            assertThat(new String(f.input(), StandardCharsets.UTF_8)).isEqualTo("boom");
        });
    }

    @Test
    void anInputThatNeverFinishesIsAHangAndTheNextInputStillRuns() {
        try (Watchdog watchdog = new Watchdog(Duration.ofMillis(200))) {
            assertThatThrownBy(() -> watchdog.run(() -> new Fragile().run("hang".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOfSatisfying(Finding.class, f -> assertThat(f.kind()).isEqualTo(Finding.Kind.HANG));
            assertThat(watchdog.run(() -> "next")).isEqualTo("next");
        }
    }

    @Test
    void replayingAGoodInputGivesItsBehaviourAndABadOneItsFinding() {
        Campaign c = new Campaign(new Fragile(), Duration.ofSeconds(1), 0);
        assertThat(c.replay("ok".getBytes(StandardCharsets.UTF_8))).isEqualTo("fine 2");
        assertThatThrownBy(() -> c.replay("x boom x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Finding.class, f -> assertThat(f.kind()).isEqualTo(Finding.Kind.CRASH));
    }
}
