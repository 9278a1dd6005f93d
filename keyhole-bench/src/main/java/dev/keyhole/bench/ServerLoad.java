package dev.keyhole.bench;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditVerifier;
import dev.keyhole.gateway.audit.VerifyReport;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.KeyholeServer;
import dev.keyhole.server.Sessions;
import dev.keyhole.server.demo.DemoWorld;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway under load: {@code TOTAL} runbook executions from {@code CLIENTS} concurrent HTTP clients through
 * {@code keyhole serve} (JSON API, bearer tokens) against the local engine, each with its durable audit
 * records. Afterwards it checks that every execution has exactly one started and one finished record with
 * outcome ok, that the chain verifies, and how the heap moved; it prints throughput and p50/p99 latency.
 *
 * <pre>java -cp "keyhole-bench/target/classes:keyhole-bench/target/lib/*" dev.keyhole.bench.ServerLoad [TOTAL] [CLIENTS]</pre>
 */
public final class ServerLoad {

    private ServerLoad() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path root = Files.exists(Path.of("examples/local/iam.yaml")) ? Path.of(".") : Path.of("..");
        Clock clock = Clock.systemUTC();
        Caller alice = new Caller("alice", java.util.Set.of("oncall"));
        try (DemoWorld world = new DemoWorld(root, Files.createTempDirectory("keyhole-load"), clock, token -> {
                    if (!token.equals("load-token")) {
                        throw new ApiError(401, "unauthenticated", "unknown token");
                    }
                    return alice;
                });
             KeyholeServer server = KeyholeServer.start(world.services(), new Sessions(clock, Duration.ofHours(1)),
                     List.of(), "127.0.0.1", 0, "load", new PrintStream(OutputStream.nullOutputStream()))) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/runbooks/orders-by-customer/runs");
            // Daemon threads: the client's pool must not keep the JVM alive once the report is printed.
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "load-client");
                t.setDaemon(true);
                return t;
            })).build();
            run(http, uri, 2_000, clients, null); // warm up: JIT, connections, credentials
            System.gc();
            long heapBefore = usedHeap();
            long[] latencies = new long[total];
            AtomicInteger failures = new AtomicInteger();
            long t0 = System.nanoTime();
            run(http, uri, total, clients, (i, nanos, status) -> {
                latencies[i] = nanos;
                if (status != 200) {
                    failures.incrementAndGet();
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long heapAfter = usedHeap();
            Arrays.sort(latencies);
            System.out.printf("%,d executions from %d clients in %.1f s: %,.0f runs/s; p50 %.2f ms, p99 %.2f ms; "
                            + "%d failed; heap after GC %d MB -> %d MB%n", total, clients, seconds, total / seconds,
                    latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6, failures.get(),
                    heapBefore >> 20, heapAfter >> 20);
            Map<String, Integer> outcomes = new HashMap<>();
            AtomicLong started = new AtomicLong();
            world.audit().store().forEach(1, r -> {
                AuditEvent e = r.event();
                if (e.type() == AuditEvent.Type.STARTED) {
                    started.incrementAndGet();
                } else if (e.type() == AuditEvent.Type.FINISHED) {
                    outcomes.merge(String.valueOf(e.get(AuditEvent.Field.OUTCOME)), 1, Integer::sum);
                }
            });
            VerifyReport v = AuditVerifier.verify(world.audit().store(), world.services().auditKeys());
            System.out.printf("audit: %,d started, finished by outcome %s; chain %s (%,d records)%n", started.get(),
                    outcomes, v.ok() ? "verified" : "BROKEN: " + v.problem(), v.records());
        }
    }

    private interface Sink {
        void done(int i, long nanos, int status);
    }

    private static void run(HttpClient http, URI uri, int total, int clients, Sink sink) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    String customer = "C-" + (1001 + (i % 20));
                    HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer load-token")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"customerId\":\"" + customer
                                    + "\",\"since\":\"2025-01-01T00:00:00Z\"},\"ticket\":\"INC-1\"}")).build();
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (sink != null) {
                        sink.done(i, System.nanoTime() - t, r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
