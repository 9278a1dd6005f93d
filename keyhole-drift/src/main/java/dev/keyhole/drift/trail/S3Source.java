package dev.keyhole.drift.trail;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Log files in an S3 bucket under a prefix, as a trail delivers them
 * ({@code s3://BUCKET/PREFIX/AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/...}), listed with
 * ListObjectsV2 and read with GetObject through the AWS SDK.
 */
public final class S3Source implements TrailSource {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Instant since;
    private final Instant until;

    /** Objects under {@code prefix} (may be empty) that may hold records in [{@code since}, {@code until}). */
    public S3Source(S3Client s3, String bucket, String prefix, Instant since, Instant until) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.since = since;
        this.until = until;
    }

    /** Splits {@code s3://bucket/prefix} into bucket and prefix. */
    public static String[] parseUri(String uri) {
        if (!uri.startsWith("s3://")) {
            throw new IllegalArgumentException("`" + uri + "` is not an s3:// address");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    @Override
    public List<TrailFile> files() {
        List<TrailFile> out = new ArrayList<>();
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        for (S3Object o : s3.listObjectsV2Paginator(req).contents()) {
            if (LogNames.isLogFile(o.key()) && LogNames.mayHold(o.key(), since, until)) {
                out.add(object(o));
            }
        }
        return out;
    }

    private TrailFile object(S3Object o) {
        return new TrailFile() {
            @Override
            public String name() {
                return "s3://" + bucket + "/" + o.key();
            }

            @Override
            public long size() {
                return o.size() == null ? -1 : o.size();
            }

            @Override
            public InputStream openRaw() {
                return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(o.key()).build());
            }
        };
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }
}
