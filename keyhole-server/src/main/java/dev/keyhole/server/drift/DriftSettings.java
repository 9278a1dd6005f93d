package dev.keyhole.server.drift;

import dev.keyhole.drift.trail.TrailLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How the server watches for drift ({@code keyhole.yaml}'s {@code drift:} section). The runbooks are the
 * server's own and the audit log its own, so a scan judges what this server let people do.
 *
 * @param trail where CloudTrail is
 * @param every how often to scan (and once at start)
 * @param lookback how far back each scan reads
 * @param authz the output of {@code aws iam get-account-authorization-details} (a file or a directory of pages)
 *     for the unused-privileges report, or {@code null}: no report
 * @param unusedEvery how often to make the unused-privileges report (weekly by default, and once at start)
 * @param unusedLookback how far back the report looks for use
 * @param triggeredBy the groups whose members may start a scan now; nobody when empty
 */
public record DriftSettings(TrailLocation trail, Duration every, Duration lookback, Path authz, Duration unusedEvery,
                            Duration unusedLookback, Set<String> triggeredBy) {

    /** Hourly scans of the last day, the report weekly over 90 days. */
    public static final Duration DEFAULT_EVERY = Duration.ofHours(1);
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);
    public static final Duration DEFAULT_UNUSED_EVERY = Duration.ofDays(7);
    public static final Duration DEFAULT_UNUSED_LOOKBACK = Duration.ofDays(90);

    public DriftSettings {
        triggeredBy = Set.copyOf(triggeredBy);
    }

    /** {@code trail} with the defaults, no report and nobody allowed to start a scan. */
    public static DriftSettings of(TrailLocation trail) {
        return new DriftSettings(trail, DEFAULT_EVERY, DEFAULT_LOOKBACK, null, DEFAULT_UNUSED_EVERY, DEFAULT_UNUSED_LOOKBACK,
                Set.of());
    }

    public DriftSettings withAuthz(Path file) {
        return new DriftSettings(trail, every, lookback, file, unusedEvery, unusedLookback, triggeredBy);
    }

    public DriftSettings withTriggeredBy(Set<String> groups) {
        return new DriftSettings(trail, every, lookback, authz, unusedEvery, unusedLookback, groups);
    }
}
