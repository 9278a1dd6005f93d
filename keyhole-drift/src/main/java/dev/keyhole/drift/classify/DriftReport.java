package dev.keyhole.drift.classify;

import dev.keyhole.drift.trail.ScanStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one drift scan.
 *
 * @param source what was read
 * @param since the window's start, or {@code null}
 * @param until the window's end, or {@code null}
 * @param stats what the scan read
 * @param counts DynamoDB events by classification ({@link Kind#id()}), every classification present
 * @param findings everything but expected calls, most severe first, then earliest first
 */
public record DriftReport(String source, Instant since, Instant until, ScanStats stats, Map<String, Long> counts,
                          List<Finding> findings) {

    public DriftReport {
        counts = Map.copyOf(counts);
        findings = List.copyOf(findings);
    }

    /** The most severe finding's severity, or empty when there is none. */
    public Optional<Severity> highest() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo);
    }

    /** Whether some finding is at least {@code threshold}. */
    public boolean reaches(Severity threshold) {
        return highest().map(s -> s.compareTo(threshold) >= 0).orElse(false);
    }
}
