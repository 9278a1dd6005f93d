package dev.keyhole.cli.drift;

import dev.keyhole.drift.trail.DirectorySource;
import dev.keyhole.drift.trail.S3Source;
import dev.keyhole.drift.trail.StreamSource;
import dev.keyhole.drift.trail.TrailSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

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
        if (where.startsWith("s3://")) {
            String[] bp = S3Source.parseUri(where);
            S3ClientBuilder b = S3Client.builder();
            if (s3Endpoint != null) {
                b.endpointOverride(s3Endpoint).forcePathStyle(true);
            }
            if (s3Region != null) {
                b.region(Region.of(s3Region));
            }
            return new S3Source(b.build(), bp[0], bp[1], since, until);
        }
        Path p = Path.of(where);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no CloudTrail at `" + where
                    + "`; give a directory, a file, s3://BUCKET/PREFIX or - for standard input");
        }
        return new DirectorySource(p, since, until);
    }
}
