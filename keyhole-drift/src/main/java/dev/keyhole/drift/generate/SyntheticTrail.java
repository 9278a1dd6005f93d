package dev.keyhole.drift.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A large, realistic trail for the benchmark: files of {@value #RECORDS_PER_FILE} records in S3
 * delivery layout, against the {@link Scenario} runbooks. Per file, about 35% keyhole runs, 20%
 * standing access doing runbook work (the keyhole runs: {@value #RUNS_PER_FILE} per file, see
 * {@link #session}, for an audit log to match them), 2% scans, 1% AccessDenied and 42% other services (S3, EC2, KMS,
 * STS, with response text of realistic size). Seeded: the same seed gives the same files.
 */
public final class SyntheticTrail {

    static final int RECORDS_PER_FILE = 2_000;
    /** Keyhole runs whose calls each file holds (each run pages through several queries). */
    public static final int RUNS_PER_FILE = 5;

    private static final com.fasterxml.jackson.databind.JsonNode ORDERS_QUERY = tree("{\"tableName\":\"Orders\",\"keyConditionExpression\":\"customerId = :customerId\","
            + "\"projectionExpression\":\"customerId, orderId, createdAt, #s, total\",\"expressionAttributeNames\":{\"#s\":\"status\"},"
            + "\"scanIndexForward\":false,\"limit\":10}");
    private static final com.fasterxml.jackson.databind.JsonNode SCAN = tree("{\"tableName\":\"Orders\"}");
    private static final String[][] NOISE = {{"s3.amazonaws.com", "GetObject"}, {"ec2.amazonaws.com", "DescribeInstances"},
            {"kms.amazonaws.com", "Decrypt"}, {"sts.amazonaws.com", "AssumeRole"}, {"s3.amazonaws.com", "PutObject"}};

    /**
     * What was written.
     *
     * @param files gzipped files
     * @param records records in them
     * @param uncompressedBytes the JSON text's size
     * @param compressedBytes the files' size
     */
    public record Written(int files, long records, long uncompressedBytes, long compressedBytes) {}

    private SyntheticTrail() {}

    /** Writes files under {@code root} until at least {@code targetBytes} of JSON are written. */
    public static Written generate(Path root, long targetBytes, int threads, long seed) throws Exception {
        AtomicLong json = new AtomicLong();
        AtomicLong gz = new AtomicLong();
        AtomicLong records = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (json.get() < targetBytes) {
                        int n = next.getAndIncrement();
                        long[] sizes = file(root, n, new Random(seed * 1_000_003L + n));
                        json.addAndGet(sizes[0]);
                        gz.addAndGet(sizes[1]);
                        records.addAndGet(RECORDS_PER_FILE);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Written(next.get(), records.get(), json.get(), gz.get());
    }

    /** One file; returns {JSON bytes, gzipped bytes}. */
    private static long[] file(Path root, int n, Random rnd) throws IOException {
        Instant delivered = delivered(n);
        List<TrailRecord> recs = new ArrayList<>(RECORDS_PER_FILE);
        for (int i = 0; i < RECORDS_PER_FILE; i++) {
            recs.add(record(rnd, delivered.minusSeconds(rnd.nextInt(300)), n));
        }
        Path file = root.resolve(TrailWriter.key("", Scenario.ACCOUNT, Scenario.REGION, delivered,
                String.format("%016X", rnd.nextLong())));
        Files.createDirectories(file.getParent());
        Counting raw;
        Counting text;
        try (OutputStream out = new BufferedOutputStream(raw = new Counting(Files.newOutputStream(file)), 1 << 16);
             GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
             JsonGenerator g = TrailRecord.JSON.createGenerator(text = new Counting(gz))) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (TrailRecord r : recs) {
                r.write(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return new long[] {text.count, raw.count};
    }

    /** The correlation id of keyhole run {@code run} of file {@code file}. */
    public static String session(int file, int run) {
        return "kh-" + file + "-" + run;
    }

    /** Who ran keyhole run {@code run}. */
    public static String user(int run) {
        return "user" + run;
    }

    /** The access key keyhole run {@code run} of file {@code file} was given. */
    public static String accessKey(int file, int run) {
        return String.format("ASIA%08d%04d", file, run);
    }

    /** When keyhole run {@code run} of file {@code file} started: ten minutes before the file's delivery. */
    public static Instant started(int file) {
        return delivered(file).minus(Duration.ofMinutes(10));
    }

    private static Instant delivered(int file) {
        return Scenario.T0.plus(Duration.ofMinutes(5L * file));
    }

    private static TrailRecord record(Random rnd, Instant t, int file) {
        int roll = rnd.nextInt(100);
        TrailRecord r;
        if (roll < 35) {
            int run = rnd.nextInt(RUNS_PER_FILE);
            r = TrailRecord.dynamo("Query").roleSession(Scenario.KEYHOLE_ROLE, session(file, run)).sourceIdentity(user(run))
                    .accessKeyId(accessKey(file, run)).params(ORDERS_QUERY);
        } else if (roll < 55) {
            r = TrailRecord.dynamo("Query").roleSession("orders-service", "i-" + Integer.toHexString(rnd.nextInt(64)))
                    .params(ORDERS_QUERY);
        } else if (roll < 57) {
            r = TrailRecord.dynamo("Scan").user("analyst" + rnd.nextInt(3)).params(SCAN);
        } else if (roll < 58) {
            r = TrailRecord.dynamo("GetItem").roleSession("probe", "p").errorCode("AccessDenied")
                    .params(object().put("tableName", "Payments").set("key", object().put("orderId", "O-" + rnd.nextInt(9999))));
        } else {
            String[] n = NOISE[rnd.nextInt(NOISE.length)];
            r = new TrailRecord().source(n[0]).name(n[1]).roleSession("orders-service", "i-" + rnd.nextInt(64))
                    .params(object().put("bucketName", "orders-exports").put("key", "exports/" + rnd.nextInt(1_000_000) + ".csv"))
                    .padding("x".repeat(200 + rnd.nextInt(600)));
        }
        return r.eventId(new UUID(rnd.nextLong(), rnd.nextLong()).toString()).time(t);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return TrailRecord.JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
