package dev.keyhole.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.fuzz.targets.Targets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The short run of every target in the suite: a fixed seed, so the same inputs every time, and no finding
 * allowed. The long run ({@link Fuzz}, docs/fuzzing.md) runs the same campaigns with more inputs.
 */
class ShortRunTest {

    /**
     * Generous: the suite shares a small machine, and a hang is an input that never finishes, not a slow one
     * (speed belongs in keyhole-bench).
     */
    private static final Duration HANG_TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}: {1} inputs")
    @CsvSource({
        "runbook-yaml, 3000",
        "policy-json, 3000",
        "expression, 3000",
        "cursor, 3000",
        "engine-dynamodb, 1500",
        "engine-sts, 1000",
        "server-api, 1500"})
    void aShortCampaignFindsNothing(String name, int inputs) throws Exception {
        try (Target target = Targets.start(name)) {
            Campaign.Report r = new Campaign(target, HANG_TIMEOUT, 20261207L).run(inputs, done -> {});
            assertThat(r.failures()).as("findings of %s (run `Fuzz --target %s --inputs %d --seed 20261207`)", name, name,
                    inputs).isEmpty();
            assertThat(r.inputs()).isEqualTo(inputs);
            assertThat(r.behaviours()).as("distinct behaviours seen").isGreaterThan(3);
        }
    }
}
