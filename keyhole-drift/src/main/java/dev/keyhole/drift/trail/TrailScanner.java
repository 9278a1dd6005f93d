package dev.keyhole.drift.trail;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads every file of a source on a pool of threads and hands each DynamoDB event, once, to a
 * thread-safe consumer.
 *
 * <p>Files are parsed streaming (never held whole in memory); gzip is recognised by its magic bytes
 * and inflated through a large buffer. A file that cannot be read or parsed is reported and the scan
 * goes on; events it yielded before the error are kept. A stream ({@link TrailFile#lines()}) is read
 * as JSON Lines, line by line, so one bad line costs only itself.
 * Events arrive in no particular order: consumers must not depend on it.
 */
public final class TrailScanner {

    private static final int BUFFER = 1 << 17;

    private final int threads;
    private final Instant since;
    private final Instant until;
    private final LongConsumer progress;

    /**
     * @param threads how many files are read at once
     * @param since events before it are left out, or {@code null}
     * @param until events at or after it are left out, or {@code null}
     * @param progress told the stored bytes of each file once it is read; may be {@code null}
     */
    public TrailScanner(int threads, Instant since, Instant until, LongConsumer progress) {
        this.threads = Math.max(1, threads);
        this.since = since;
        this.until = until;
        this.progress = progress == null ? n -> { } : progress;
    }

    /** Scans {@code files}, handing each DynamoDB event in the window to {@code consumer} once. */
    public ScanStats scan(List<TrailFile> files, Consumer<TrailEvent> consumer) {
        // Sized once from the stored bytes, at most 8 million up front, instead of growing while the threads add.
        Set<String> seen = ConcurrentHashMap.newKeySet((int) Math.min(8_000_000L, expectedRecords(files)) + 16);
        LongAdder records = new LongAdder();
        LongAdder handed = new LongAdder();
        LongAdder duplicates = new LongAdder();
        LongAdder outside = new LongAdder();
        List<ScanProblem> problems = Collections.synchronizedList(new ArrayList<>());
        Consumer<TrailEvent> gate = e -> {
            if (e.time() == null) {
                problems.add(new ScanProblem(e.origin(), "record `" + e.eventId() + "` has no readable eventTime; skipped"));
                return;
            }
            if ((since != null && e.time().isBefore(since)) || (until != null && !e.time().isBefore(until))) {
                outside.increment();
                return;
            }
            if (e.eventId() != null && !seen.add(e.eventId())) {
                duplicates.increment();
                return;
            }
            handed.increment();
            consumer.accept(e);
        };
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
                TrailFile f = files.get(i);
                RecordReader reader = new RecordReader(f.name(), gate);
                try {
                    readFile(f, reader, problems);
                } catch (IOException | RuntimeException e) {
                    problems.add(new ScanProblem(f.name(), "not readable as CloudTrail JSON (" + message(e) + "); "
                            + reader.records() + " records before the problem were read, the rest of the file skipped"));
                }
                records.add(reader.records());
                progress.accept(Math.max(f.size(), 0));
            }
        };
        int n = Math.min(threads, Math.max(1, files.size()));
        if (n == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "keyhole-drift-scan");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    running.add(pool.submit(worker));
                }
                for (Future<?> fu : running) {
                    fu.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scan interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("scan failed: " + e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new ScanStats(files.size(), records.sum(), handed.sum(), duplicates.sum(), outside.sum(), problems);
    }

    /**
     * About how many records {@code files} hold, from their stored sizes (a CloudTrail record is about 1.4 KB of JSON,
     * 80 bytes gzipped), for sizing the set of event ids.
     */
    static long expectedRecords(List<TrailFile> files) {
        long n = 0;
        for (TrailFile f : files) {
            n += Math.max(0, f.size()) / (f.name().endsWith(".gz") ? 80 : 1_400);
        }
        return n;
    }

    private static void readFile(TrailFile f, RecordReader reader, List<ScanProblem> problems) throws IOException {
        try (InputStream in = decoded(f.openRaw())) {
            if (!f.lines()) {
                reader.read(in);
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    reader.read(line);
                } catch (IOException e) {
                    problems.add(new ScanProblem(f.name() + ":" + number, "not a CloudTrail record (" + message(e)
                            + "); line skipped"));
                }
            }
        }
    }

    /** The content, inflated when it starts with gzip's magic bytes. */
    static InputStream decoded(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, BUFFER) : in;
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
