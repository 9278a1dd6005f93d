package dev.keyhole.cli.drift;

import dev.keyhole.drift.trail.StreamSource;
import dev.keyhole.drift.trail.TrailLocation;
import dev.keyhole.drift.trail.TrailSource;
import java.net.URI;
import java.time.Instant;
import picocli.CommandLine.Option;

/** How to reach a trail (a picocli mixin): S3 endpoint and region, threads, the progress bar. */
public final class TrailSourceOptions {

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "An S3-compatible endpoint instead of AWS's.")
    URI s3Endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", description = "The bucket's region (default: the SDK's default chain).")
    String s3Region;

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: one per core).")
    Integer threads;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    /** The number of threads to use. */
    public int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Whether to draw a progress bar: only on a terminal, and not when turned off. */
    public boolean progress() {
        return !noProgress && System.console() != null;
    }

    /**
     * The source {@code where} names: {@code -} for JSON Lines on standard input, {@code s3://bucket/prefix},
     * or a directory or file.
     *
     * @throws IllegalArgumentException when it names nothing that exists
     */
    public TrailSource open(String where, Instant since, Instant until) {
        if (where.equals("-")) {
            return new StreamSource("stdin", System.in);
        }
        return TrailLocation.of(where, s3Endpoint, s3Region).open(since, until);
    }
}
