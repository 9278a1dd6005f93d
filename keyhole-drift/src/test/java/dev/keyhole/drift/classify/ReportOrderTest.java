package dev.keyhole.drift.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.drift.Fixtures;
import dev.keyhole.drift.map.ActionMapper;
import dev.keyhole.drift.trail.ScanStats;
import dev.keyhole.drift.trail.TrailEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scanning threads hand events over in any order; the report must not depend on it. */
class ReportOrderTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    /** Scans, Query calls of two standing principals and denials, several sharing one second. */
    private static List<TrailEvent> events() {
        List<TrailEvent> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = "arn:aws:iam::111122223333:user/u" + (i % 2);
            Instant t = T0.plusSeconds(i / 3);
            out.add(new TrailEvent("s" + i, t, TrailEvent.DYNAMODB, "Scan", "eu-west-1", "111122223333",
                    new TrailEvent.Identity("IAMUser", user, "AKIA" + (i % 2), "person" + (i % 7)), null,
                    "{\"tableName\":\"Orders\"}", "t"));
            out.add(new TrailEvent("d" + i, t, TrailEvent.DYNAMODB, "GetItem", "eu-west-1", "111122223333",
                    new TrailEvent.Identity("IAMUser", user, "AKIA" + (i % 2), null), "AccessDeniedException", null, "t"));
        }
        return out;
    }

    private static DriftReport report(List<TrailEvent> events) throws IOException {
        QueryFamilies f = QueryFamilies.of(Fixtures.runbooks());
        DriftAnalysis a = new DriftAnalysis(new ActionMapper(f.schemas()), new Classifier(f, SessionLookup.none(),
                Duration.ZERO), 5, Duration.ofMinutes(5));
        events.forEach(a);
        return a.report("t", null, null, new ScanStats(0, 0, 0, 0, 0, List.of()));
    }

    @Test
    void theSameEventsInAnyOrderGiveTheSameReport() throws IOException {
        List<TrailEvent> events = events();
        DriftReport forward = report(events);
        assertThat(forward.findings()).hasSizeGreaterThan(3);
        // Examples are the earliest events (by time, then id; s9 and s11 share a second), not the first to arrive.
        assertThat(forward.findings()).anySatisfy(x -> assertThat(x.eventIds()).containsExactly("s1", "s11", "s3", "s5", "s7"));
        List<TrailEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        assertThat(report(reversed).findings()).isEqualTo(forward.findings());
        Random r = new Random(7);
        for (int i = 0; i < 5; i++) {
            List<TrailEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, r);
            assertThat(report(shuffled).findings()).isEqualTo(forward.findings());
        }
    }
}
