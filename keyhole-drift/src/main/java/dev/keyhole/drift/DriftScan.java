package dev.keyhole.drift;

import dev.keyhole.drift.classify.Classifier;
import dev.keyhole.drift.classify.DriftAnalysis;
import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.classify.QueryFamilies;
import dev.keyhole.drift.classify.SessionLookup;
import dev.keyhole.drift.map.ActionMapper;
import dev.keyhole.drift.trail.ScanStats;
import dev.keyhole.drift.trail.TrailEvent;
import dev.keyhole.drift.trail.TrailFile;
import dev.keyhole.drift.trail.TrailScanner;
import dev.keyhole.drift.trail.TrailSource;
import dev.keyhole.runbook.model.Runbook;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drift pipeline in one call: list the source's files, scan them in parallel, classify every
 * DynamoDB event against the runbooks and the audit log, fold the findings into a report.
 */
public final class DriftScan {

    /**
     * How to scan.
     *
     * @param since leave out events before it, or {@code null}
     * @param until leave out events at or after it, or {@code null}
     * @param threads files read at once
     * @param skew how far CloudTrail's and keyhole's clocks may disagree about a session's lifetime
     * @param burstSize AccessDenied errors of one principal that make a burst ...
     * @param burstWindow ... when they fall within this long
     * @param progress told how far the scan is
     */
    public record Options(Instant since, Instant until, int threads, Duration skew, int burstSize, Duration burstWindow,
                          Progress progress) {

        /** All of the source, every core, two minutes of skew, five denials in five minutes. */
        public static Options defaults() {
            return new Options(null, null, Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(2), 5,
                    Duration.ofMinutes(5), Progress.none());
        }

        public Options window(Instant from, Instant to) {
            return new Options(from, to, threads, skew, burstSize, burstWindow, progress);
        }

        public Options withProgress(Progress p) {
            return new Options(since, until, threads, skew, burstSize, burstWindow, p);
        }

        public Options withThreads(int n) {
            return new Options(since, until, n, skew, burstSize, burstWindow, progress);
        }
    }

    private DriftScan() {}

    /** Scans {@code source} and classifies what it holds. */
    public static DriftReport run(TrailSource source, List<Runbook> runbooks, SessionLookup sessions, Options o)
            throws IOException {
        QueryFamilies families = QueryFamilies.of(runbooks);
        DriftAnalysis analysis = new DriftAnalysis(new ActionMapper(families.schemas()),
                new Classifier(families, sessions, o.skew()), o.burstSize(), o.burstWindow());
        ScanStats stats = scan(source, o, analysis);
        return analysis.report(source.describe(), o.since(), o.until(), stats);
    }

    /** Scans {@code source}, handing every DynamoDB event in the window to {@code consumer} once. */
    public static ScanStats scan(TrailSource source, Options o, Consumer<TrailEvent> consumer) throws IOException {
        List<TrailFile> files = source.files();
        o.progress().start(files.size(), files.stream().mapToLong(f -> Math.max(0, f.size())).sum());
        try {
            return new TrailScanner(o.threads(), o.since(), o.until(), o.progress()::advance).scan(files, consumer);
        } finally {
            o.progress().done();
        }
    }
}
