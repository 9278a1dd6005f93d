package dev.keyhole.drift.trail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where a trail lives, as people write it: {@code s3://bucket/prefix} (with an optional S3-compatible endpoint
 * and region) or a directory or file (a copy of the trail bucket). Opens a {@link TrailSource} for a window as
 * often as asked; the S3 client is made once and closed with the location. The {@code drift scan} command and
 * the server's scheduled scans share it.
 */
public final class TrailLocation implements AutoCloseable {

    private final String where;
    private final URI s3Endpoint;
    private final String s3Region;
    private S3Client s3;

    private TrailLocation(String where, URI s3Endpoint, String s3Region) {
        this.where = where;
        this.s3Endpoint = s3Endpoint;
        this.s3Region = s3Region;
    }

    /**
     * The location {@code where} names.
     *
     * @param s3Endpoint an S3-compatible endpoint instead of AWS's, or {@code null}
     * @param s3Region the bucket's region, or {@code null} for the SDK's default chain
     * @throws IllegalArgumentException when it is neither an s3:// address nor a path that exists
     */
    public static TrailLocation of(String where, URI s3Endpoint, String s3Region) {
        if (where == null || where.isBlank()) {
            throw new IllegalArgumentException("no CloudTrail given; give a directory, a file or s3://BUCKET/PREFIX");
        }
        if (!where.startsWith("s3://") && !Files.exists(Path.of(where))) {
            throw new IllegalArgumentException("no CloudTrail at `" + where
                    + "`; give a directory, a file, s3://BUCKET/PREFIX or - for standard input");
        }
        return new TrailLocation(where, s3Endpoint, s3Region);
    }

    /** The source of the events in [{@code since}, {@code until}); nulls are open ends. */
    public synchronized TrailSource open(Instant since, Instant until) {
        if (!where.startsWith("s3://")) {
            return new DirectorySource(Path.of(where), since, until);
        }
        String[] bp = S3Source.parseUri(where);
        if (s3 == null) {
            s3 = client();
        }
        return new S3Source(s3, bp[0], bp[1], since, until);
    }

    private S3Client client() {
        S3ClientBuilder b = S3Client.builder();
        if (s3Endpoint != null) {
            // S3-compatible servers (MinIO, s3proxy) may predate the SDK's default flexible checksums
            b.endpointOverride(s3Endpoint).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        if (s3Region != null) {
            b.region(Region.of(s3Region));
        }
        return b.build();
    }

    /** What it names, as given. */
    public String describe() {
        return where;
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
    }
}
