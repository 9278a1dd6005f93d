package dev.keyhole.bench;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.credentials.SessionCredentials;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.execute.DynamoDbClients;
import dev.keyhole.gateway.execute.Executor;
import dev.keyhole.gateway.execute.RunRequest;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What keyhole adds to a query: {@code Executor.run} (authorize, bind, plan, compile the session
 * policy, pre-flight check, warm credentials, execute, mask) against the same query sent directly
 * with the SDK and the same credentials, on the same local engine, at 1 and 64 concurrent callers. Callers are
 * virtual threads, as {@code keyhole serve} runs each request (JDK 24 on), or platform threads. A third path,
 * the direct query between a started and a finished record like a run's, shows what the durable audit alone costs.
 *
 * <pre>java -cp "keyhole-bench/target/classes:keyhole-bench/target/lib/*" dev.keyhole.bench.RunOverhead [SECONDS] [full|normal] [AUDIT_DIR|-] [ROUNDS] [virtual|platform]</pre>
 */
public final class RunOverhead {

    private RunOverhead() {}

    /** Whether callers are virtual threads (as the server's requests) or platform threads. */
    private static boolean virtualCallers = true;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Files.exists(Path.of("examples/local/iam.yaml")) ? Path.of(".") : Path.of("..");
        Clock clock = Clock.systemUTC();
        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults()
                .withIamFile(root.resolve("examples/local/iam.yaml")), DynamoDbEngine.open(null, "us-east-1", "000000000000", clock))) {
            try (DynamoDbClient admin = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
                            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))).build()) {
                admin.createTable(b -> b.tableName("Orders")
                        .attributeDefinitions(d -> d.attributeName("customerId").attributeType("S"),
                                d -> d.attributeName("orderId").attributeType("S"))
                        .keySchema(k -> k.attributeName("customerId").keyType("HASH"),
                                k -> k.attributeName("orderId").keyType("RANGE"))
                        .billingMode("PAY_PER_REQUEST"));
                for (int i = 0; i < 10; i++) {
                    Map<String, AttributeValue> item = new HashMap<>();
                    item.put("customerId", AttributeValue.fromS("C-1001"));
                    item.put("orderId", AttributeValue.fromS("O-" + i));
                    item.put("createdAt", AttributeValue.fromS("2026-11-0" + i));
                    item.put("status", AttributeValue.fromS("OPEN"));
                    item.put("total", AttributeValue.fromN(Integer.toString(100 + i)));
                    admin.putItem(b -> b.tableName("Orders").item(item));
                }
            }
            Runbook rb = RunbookLoader.loadDirectory(root.resolve("examples/runbooks")).runbooks().stream()
                    .filter(r -> r.name().equals("orders-by-customer")).findFirst().orElseThrow();
            StsCredentialsBroker broker = new StsCredentialsBroker(StsClient.builder().endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAKEYHOLEDEMO00001", "keyhole-demo-secret-not-for-production-0001")))
                    .build(), clock, Duration.ofMinutes(2));
            // audit.sync (full: two flushes to disk per run, started and finished; normal: none on the request path),
            // and the audit file's directory: a tmpfs one (/dev/shm) shows keyhole's own work alone.
            Database.Sync sync = args.length > 1 ? Database.Sync.valueOf(args[1].toUpperCase(java.util.Locale.ROOT))
                    : Database.Sync.FULL;
            Path auditDir = args.length > 2 && !args[2].equals("-") ? Files.createTempDirectory(Path.of(args[2]), "keyhole-bench-audit")
                    : Files.createTempDirectory("keyhole-bench-audit");
            Path auditFile = auditDir.resolve("audit.db");
            try (DynamoDbClients clients = new DynamoDbClients(server.endpoint(), 3);
                 AuditLog audit = new AuditLog(AuditStore.owning(Database.sqlite(auditFile, sync)),
                         new CheckpointPolicy(CheckpointSigner.generate(), 1_000, Duration.ofSeconds(10)), clock)) {
                Executor executor = new Executor(broker, clients, new CursorSealer(CursorSealer.newKey(), clock),
                        new Masker(new byte[32]), clock, audit);
                Caller alice = new Caller("alice", Set.of("oncall"));
                Map<String, String> params = Map.of("customerId", "C-1001", "since", "2026-01-01");
                RunRequest run = new RunRequest(alice, rb, null, params, "INC-1", null, "kh-bench");
                SessionCredentials c = executor.credentials(run);
                DynamoDbClient direct = clients.forCredentials(c, "us-east-1");
                QueryRequest q = QueryRequest.builder().tableName("Orders").keyConditionExpression("#customerId = :customerId")
                        .filterExpression("#createdAt >= :since")
                        .projectionExpression("#customerId, #orderId, #createdAt, #status, #total")
                        .expressionAttributeNames(Map.of("#customerId", "customerId", "#orderId", "orderId",
                                "#createdAt", "createdAt", "#status", "status", "#total", "total"))
                        .expressionAttributeValues(Map.of(":customerId", AttributeValue.fromS("C-1001"),
                                ":since", AttributeValue.fromS("2026-01-01T00:00:00Z")))
                        .select(Select.SPECIFIC_ATTRIBUTES).limit(10).scanIndexForward(false).build();
                System.out.printf("audit: %s, sync %s%n", auditFile, sync.name().toLowerCase(java.util.Locale.ROOT));
                // The same query between a started and a finished record with a run's fields: the audit's share.
                Callable<?> audited = () -> {
                    String id = "kh-bench-" + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36);
                    audit.append(record(AuditEvent.Type.STARTED, id, rb, params, clock).with(AuditEvent.Field.DECISION, "allow")
                            .with(AuditEvent.Field.REASON, "runner group:oncall")
                            .with(AuditEvent.Field.INSTANCE, dev.keyhole.gateway.audit.Instances.current()).build());
                    int items = direct.query(q).count();
                    return audit.append(record(AuditEvent.Type.FINISHED, id, rb, params, clock)
                            .with(AuditEvent.Field.OUTCOME, "ok").with(AuditEvent.Field.ITEMS, items)
                            .with(AuditEvent.Field.PAGES, 1).with(AuditEvent.Field.CONSUMED_CAPACITY, 0.5)
                            .with(AuditEvent.Field.ACCESS_KEY_ID, c.accessKeyId()).with(AuditEvent.Field.DURATION_MS, 0).build());
                };
                int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                virtualCallers = args.length <= 4 || args[4].equals("virtual");
                if (virtualCallers) {
                    dev.keyhole.server.KeyholeServer.carriersForSqlite(); // as keyhole serve runs them
                }
                System.out.printf("callers: %s threads%n", virtualCallers ? "virtual" : "platform");
                for (int clientsN : new int[] {1, 64}) {
                    // Warm both paths before measuring either, so neither pays for the other's JIT.
                    measure("direct SDK", clientsN, 3, () -> direct.query(q));
                    measure("keyhole run", clientsN, 3, () -> executor.run(run));
                    measure("SDK + audit", clientsN, 3, audited);
                    // Rounds alternate the two paths, so a neighbour's burst of work on a shared machine lands on
                    // both; the median of the rounds' differences is the figure to quote.
                    double[] p50 = new double[rounds];
                    double[] p99 = new double[rounds];
                    double[] share = new double[rounds];
                    double[] cpuDirect = new double[rounds];
                    double[] cpuKeyhole = new double[rounds];
                    double[] auditShare = new double[rounds];
                    double[] auditP50 = new double[rounds];
                    for (int i = 0; i < rounds; i++) {
                        long[] d = measure("direct SDK", clientsN, seconds, () -> direct.query(q));
                        long[] k = measure("keyhole run", clientsN, seconds, () -> executor.run(run));
                        long[] a = measure("SDK + audit", clientsN, seconds, audited);
                        print("direct SDK", clientsN, d);
                        print("keyhole run", clientsN, k);
                        print("SDK + audit", clientsN, a);
                        auditShare[i] = opsPerSecond(a) / opsPerSecond(d);
                        auditP50[i] = (percentile(a, 0.50) - percentile(d, 0.50)) / 1e6;
                        p50[i] = (percentile(k, 0.50) - percentile(d, 0.50)) / 1e6;
                        p99[i] = (percentile(k, 0.99) - percentile(d, 0.99)) / 1e6;
                        share[i] = opsPerSecond(k) / opsPerSecond(d);
                        cpuDirect[i] = cpuPerOpWithoutJit(d);
                        cpuKeyhole[i] = cpuPerOpWithoutJit(k);
                    }
                    if (rounds > 1) {
                        System.out.printf("clients=%-3d median of %d rounds: keyhole adds p50 %+.3f ms, p99 %+.3f ms; "
                                + "throughput %.0f%% of direct; cpu/op without the JIT compilers %.1f µs direct, "
                                + "%.1f µs keyhole%n", clientsN, rounds, median(p50), median(p99),
                                100 * median(share), median(cpuDirect), median(cpuKeyhole));
                        System.out.printf("clients=%-3d median of %d rounds: the two audit records alone add p50 %+.3f ms;"
                                + " throughput %.0f%% of direct%n", clientsN, rounds, median(auditP50), 100 * median(auditShare));
                    }
                }
            }
            broker.close();
        }
    }

    /** The fields the executor puts in every record of a run. */
    private static AuditEvent.Builder record(AuditEvent.Type type, String id, Runbook rb, Map<String, String> params,
                                             Clock clock) {
        return AuditEvent.of(type, id, clock.instant(), "alice").with(AuditEvent.Field.RUNBOOK, rb.name())
                .with(AuditEvent.Field.RUNBOOK_VERSION, rb.contentHash()).with(AuditEvent.Field.QUERY, "recent")
                .with(AuditEvent.Field.TICKET, "INC-1").with(AuditEvent.Field.PARAMETERS, new java.util.TreeMap<>(params))
                .with(AuditEvent.Field.SESSION_NAME, id).with(AuditEvent.Field.SOURCE_IDENTITY, "alice");
    }

    private static void print(String label, int clients, long[] sorted) {
        int n = sorted.length - 3;
        System.out.printf("%-12s clients=%-3d ops/s=%8.0f p50=%7.3f ms p99=%7.3f ms cpu/op=%7.1f µs"
                        + " (without the JIT compilers %7.1f µs)%n", label, clients, opsPerSecond(sorted),
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[n + 1] / 1e3 / n,
                (sorted[n + 1] - sorted[n + 2]) / 1e3 / n);
    }

    private static double cpuPerOpWithoutJit(long[] measured) {
        int n = measured.length - 3;
        return (measured[n + 1] - measured[n + 2]) / 1e3 / n;
    }

    private static double opsPerSecond(long[] measured) {
        return (measured.length - 3) / (measured[measured.length - 3] / 1e9);
    }

    /** The latency (ns) at {@code p} of a {@link #measure} result. */
    private static long percentile(long[] measured, double p) {
        int n = measured.length - 3;
        return measured[(int) Math.min(n - 1, Math.floor(n * p))];
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * Latencies (ns, sorted), then the measured wall time (ns), then the CPU time (ns) the whole process (engine,
     * SDK and keyhole alike) spent meanwhile, then the part of it the JIT compilers spent ({@link CpuTime}): on a
     * shared machine, the CPU per operation is the steadier figure.
     */
    private static long[] measure(String label, int clients, int seconds, Callable<?> call) throws Exception {
        ExecutorService pool = virtualCallers ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(clients);
        long cpu0 = CpuTime.process();
        long jit0 = CpuTime.compilers();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> fs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            fs.add(pool.submit(() -> {
                long[] lat = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    call.call();
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : fs) {
            parts.add(f.get());
        }
        long wall = System.nanoTime() - start;
        long cpu = CpuTime.process() - cpu0;
        long jit = CpuTime.compilers() - jit0;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long[] out = Arrays.copyOf(all, all.length + 3);
        out[all.length] = wall;
        out[all.length + 1] = cpu;
        out[all.length + 2] = jit;
        return out;
    }
}
