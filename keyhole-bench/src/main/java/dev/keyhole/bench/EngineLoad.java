package dev.keyhole.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A load driver for DynamoDB-compatible endpoints: GetItem and Query throughput and p50/p99 latency
 * at several concurrency levels, through the real AWS SDK v2 over HTTP. Used to compare keyhole's
 * local engine with another engine on the same machine and workload.
 *
 * <p>Given the engine's process id ({@code --pid}), it also reports the CPU time that process spent per
 * request (user + system, as the operating system accounts it), which stays meaningful when other work
 * shares the machine and throughput does not; and its own CPU per request ({@code driver}), the part of the
 * machine the engine under test does not get.
 *
 * <pre>java -cp ... dev.keyhole.bench.EngineLoad --endpoint http://127.0.0.1:8000 --label keyhole
 *     [--pid 1234] [--clients 1,16,64] [--seconds 10] [--warmup 3] [--partitions 200] [--items 20]</pre>
 */
public final class EngineLoad {

    private EngineLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI endpoint = URI.create(a.getOrDefault("endpoint", "http://127.0.0.1:8000"));
        String label = a.getOrDefault("label", endpoint.toString());
        int[] clients = Arrays.stream(a.getOrDefault("clients", "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
        int partitions = Integer.parseInt(a.getOrDefault("partitions", "200"));
        int items = Integer.parseInt(a.getOrDefault("items", "20"));
        EngineCpu cpu = EngineCpu.of(a.get("pid"));
        EngineCpu driver = EngineCpu.self();
        SdkHttpClient http = Apache5HttpClient.builder().maxConnections(256).build();
        try (DynamoDbClient db = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        a.getOrDefault("access-key", "AKIAIOSFODNN7EXAMPLE"),
                        a.getOrDefault("secret-key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))))
                .build()) {
            seed(db, partitions, items);
            // Both operations at the highest concurrency first, so the first figure (GetItem, one client) measures
            // the engine (and this driver) compiled, as every later figure does, rather than its warm-up.
            int most = Arrays.stream(clients).max().orElse(1);
            for (String op : List.of("GetItem", "Query")) {
                measure(db, op, most, warmup, partitions, items);
            }
            for (String op : List.of("GetItem", "Query")) {
                for (int c : clients) {
                    measure(db, op, c, warmup, partitions, items);
                    long cpuBefore = cpu.nanos();
                    long driverBefore = driver.nanos();
                    Result r = measure(db, op, c, seconds, partitions, items);
                    long requests = Math.round(r.opsPerSecond * seconds);
                    System.out.printf("%-10s %-8s clients=%-3d ops/s=%9.0f p50=%7.3f ms p99=%7.3f ms errors=%d%s%s%n",
                            label, op, c, r.opsPerSecond, r.p50Millis, r.p99Millis, r.errors,
                            cpu.perRequest("cpu", cpuBefore, requests), driver.perRequest("driver", driverBefore, requests));
                }
            }
        } finally {
            http.close();
        }
    }

    private record Result(double opsPerSecond, double p50Millis, double p99Millis, long errors) {}

    private static Result measure(DynamoDbClient db, String op, int clients, int seconds, int partitions, int items)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                long errors = 0;
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String pk = "p" + r.nextInt(partitions);
                    long t0 = System.nanoTime();
                    try {
                        if (op.equals("GetItem")) {
                            db.getItem(GetItemRequest.builder().tableName("Bench")
                                    .key(Map.of("pk", AttributeValue.fromS(pk),
                                            "sk", AttributeValue.fromS(String.format("s%04d", r.nextInt(items)))))
                                    .build());
                        } else {
                            db.query(QueryRequest.builder().tableName("Bench").keyConditionExpression("pk = :p")
                                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk)))
                                    .limit(10).build());
                        }
                    } catch (RuntimeException e) {
                        errors++;
                    }
                    long t = System.nanoTime() - t0;
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t;
                }
                long[] out = Arrays.copyOf(lat, n + 1);
                out[n] = errors;
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> f : futures) {
            long[] l = f.get();
            for (int i = 0; i < l.length - 1; i++) {
                all.add(l[i]);
            }
            errors += l[l.length - 1];
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Result(0, 0, 0, errors);
        }
        return new Result(sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e6, errors);
    }

    private static void seed(DynamoDbClient db, int partitions, int items) {
        try {
            db.createTable(CreateTableRequest.builder().tableName("Bench")
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST).build());
        } catch (ResourceInUseException exists) {
            return;
        }
        // Some engines create tables asynchronously, as DynamoDB does: wait until it is ACTIVE.
        db.waiter().waitUntilTableExists(b -> b.tableName("Bench"));
        List<WriteRequest> batch = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            for (int i = 0; i < items; i++) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", AttributeValue.fromS("p" + p));
                item.put("sk", AttributeValue.fromS(String.format("s%04d", i)));
                item.put("status", AttributeValue.fromS(i % 2 == 0 ? "OPEN" : "CLOSED"));
                item.put("total", AttributeValue.fromN(Integer.toString(p * 100 + i)));
                item.put("note", AttributeValue.fromS("x".repeat(200)));
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == 25) {
                    db.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of("Bench", batch)).build());
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            db.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of("Bench", batch)).build());
        }
    }
}
