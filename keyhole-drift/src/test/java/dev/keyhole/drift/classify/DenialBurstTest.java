package dev.keyhole.drift.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.drift.Fixtures;
import dev.keyhole.drift.map.ActionMapper;
import dev.keyhole.drift.trail.ScanStats;
import dev.keyhole.drift.trail.TrailEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenialBurstTest {

    private static List<Finding> bursts(long... secondsApart) throws IOException {
        QueryFamilies f = QueryFamilies.of(Fixtures.runbooks());
        DriftAnalysis a = new DriftAnalysis(new ActionMapper(f.schemas()), new Classifier(f, SessionLookup.none(),
                Duration.ZERO), 5, Duration.ofMinutes(5));
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        int n = 0;
        for (long s : secondsApart) {
            t = t.plusSeconds(s);
            a.accept(new TrailEvent("d" + n++, t, TrailEvent.DYNAMODB, "GetItem", "eu-west-1", "111122223333",
                    new TrailEvent.Identity("IAMUser", "arn:aws:iam::111122223333:user/u", "AKIA1", null),
                    "AccessDeniedException", null, "t"));
        }
        return a.report("t", null, null, new ScanStats(0, 0, 0, 0, 0, List.of())).findings().stream()
                .filter(x -> x.kind() == Kind.ACCESS_DENIED_BURST).toList();
    }

    @Test
    void fiveDenialsWithinTheWindowAreABurst() throws IOException {
        assertThat(bursts(0, 60, 60, 60, 60)).singleElement().satisfies(b -> assertThat(b.count()).isEqualTo(5));
    }

    @Test
    void fourDenialsAreNot() throws IOException {
        assertThat(bursts(0, 1, 1, 1)).isEmpty();
    }

    @Test
    void slowSteadyDenialsAreNot() throws IOException {
        assertThat(bursts(0, 120, 120, 120, 120, 120, 120)).isEmpty();
    }

    @Test
    void twoSeparateBurstsAreTwoFindings() throws IOException {
        assertThat(bursts(0, 1, 1, 1, 1, 3600, 1, 1, 1, 1)).hasSize(2);
    }
}
