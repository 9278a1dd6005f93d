package dev.keyhole.bench;

import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.AuditVerifier;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.audit.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Durable audit appends per second (group commit, every append acknowledged only once on disk) with 1,
 * 16, 64 and 256 concurrent writers, on the embedded SQLite store and, when a URL is given, on PostgreSQL;
 * then verification speed over what was written: from the store (read + verify) and in memory (verify).
 *
 * <pre>java -cp "keyhole-bench/target/classes:keyhole-bench/target/lib/*" dev.keyhole.bench.AuditThroughput
 *     [SECONDS] [jdbc:postgresql://127.0.0.1:5432/DB USER PASSWORD]</pre>
 */
public final class AuditThroughput {

    private AuditThroughput() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("keyhole-bench-audit");
        System.out.printf("%d s per run, %d cores, JDK %s%n", seconds, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        run("sqlite", () -> AuditStore.sqlite(dir.resolve("audit.db")), seconds);
        if (args.length > 3) {
            // A database of its own, created with the given role (which needs CREATEDB) and dropped after.
            String db = "keyhole_bench_" + Long.toHexString(System.nanoTime());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(args[1], args[2], args[3]);
                 java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + db);
            }
            String url = args[1].substring(0, args[1].lastIndexOf('/') + 1) + db;
            try {
                run("postgresql", () -> AuditStore.postgresql(url, args[2], args[3]), seconds);
            } finally {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(args[1], args[2], args[3]);
                     java.sql.Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE " + db + " WITH (FORCE)");
                }
            }
        }
    }

    private static void run(String name, Supplier<AuditStore> open, int seconds) throws Exception {
        CheckpointSigner signer = CheckpointSigner.generate();
        Clock clock = Clock.systemUTC();
        for (int writers : new int[] {1, 16, 64, 256}) {
            try (AuditLog log = new AuditLog(open.get(), new CheckpointPolicy(signer, 1_000, Duration.ofSeconds(10)), clock)) {
                appendFor(log, 1, 1); // warm up: schema, JIT, connection
                long cpu0 = CpuTime.process() - CpuTime.compilers();
                long n = appendFor(log, writers, seconds);
                long cpu = CpuTime.process() - CpuTime.compilers() - cpu0;
                // On a shared machine the CPU per append is the steadier figure of the two.
                System.out.printf("%-10s %3d writers: %,9d durable appends/s, cpu/append=%6.1f µs (without the JIT compilers)%n", name, writers,
                        n / seconds, cpu / 1e3 / Math.max(1, n));
            }
        }
        try (AuditStore store = open.get()) {
            long t0 = System.nanoTime();
            VerifyReport r = AuditVerifier.verify(store, Map.of(signer.keyId(), signer.publicKey()));
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-10s verify from the store: %,d records in %.2f s = %,.0f records/s (%s)%n", name,
                    r.records(), s, r.records() / s, r.ok() ? "intact" : r.problem());
            List<byte[]> payloads = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            store.forEachRaw(1, (seq, payload, hash) -> {
                payloads.add(payload);
                hashes.add(hash);
            });
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t1 = System.nanoTime();
                AuditVerifier v = new AuditVerifier(store.checkpoints(), Map.of(signer.keyId(), signer.publicKey()));
                for (int k = 0; k < payloads.size(); k++) {
                    v.accept(k + 1, payloads.get(k), hashes.get(k));
                }
                if (!v.finish().ok()) {
                    throw new IllegalStateException("chain did not verify");
                }
                best = Math.min(best, (System.nanoTime() - t1) / 1e9);
            }
            System.out.printf("%-10s verify in memory (hashing + checkpoints, best of 5): %,.0f records/s%n", name,
                    payloads.size() / best);
        }
    }

    /** Appends from {@code writers} threads for {@code seconds}; returns how many were acknowledged. */
    private static long appendFor(AuditLog log, int writers, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        // Virtual threads, as a gateway serving many requests has them.
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            fs.add(pool.submit(() -> {
                long i = 0;
                while (System.nanoTime() < end) {
                    log.append(AuditEvent.of(AuditEvent.Type.FINISHED, "bench-" + writer + "-" + i++, Instant.now(), "alice")
                            .with(AuditEvent.Field.RUNBOOK, "orders-by-customer").with(AuditEvent.Field.TICKET, "INC-1042")
                            .with(AuditEvent.Field.OUTCOME, "ok").with(AuditEvent.Field.ITEMS, 12)
                            .with(AuditEvent.Field.PARAMETERS, Map.of("customerId", "C-1001", "since", "-P30D"))
                            .with(AuditEvent.Field.ACCESS_KEY_ID, "ASIAKEYHOLE000000001")
                            .with(AuditEvent.Field.DURATION_MS, 3).build());
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return done.get();
    }
}
