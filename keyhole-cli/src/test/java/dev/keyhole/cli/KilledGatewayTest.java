package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.config.Shipped;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.StoredRecord;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import dev.keyhole.server.demo.AdminClient;
import dev.keyhole.server.demo.DemoData;
import dev.keyhole.server.demo.LocalIdentities;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyhole serve} killed with SIGKILL while four callers run a runbook through its HTTP API against a
 * slow engine, then started again on the same state: every run it acknowledged (HTTP 200 with its
 * correlation id) has its started and finished records, every run that was in flight and had started is
 * finished as {@code interrupted} by the restarted gateway, nothing is left open, and {@code keyhole audit
 * verify} passes.
 */
class KilledGatewayTest {

    private static final int CALLERS = 4;
    private static final int ACKS_BEFORE_KILL = 12;

    @TempDir
    static Path home;
    private static LocalServer engine;
    private static Path config;
    private static int exitStatus;
    private static String restartErr;
    /** Correlation id to whether the gateway acknowledged it (true) or the call was cut off (false). */
    private static final Map<String, Boolean> sent = new ConcurrentHashMap<>();

    @BeforeAll
    static void killAGatewayUnderLoadAndStartItAgain() throws Exception {
        Clock clock = Clock.systemUTC();
        engine = LocalServer.start(LocalServerConfig.defaults().withIamFile(Shipped.resolve(Path.of("examples/local/iam.yaml")))
                .withClock(clock), DynamoDbEngine.open(null, "us-east-1", "000000000000", clock));
        try (var admin = AdminClient.of(engine.endpoint(), "us-east-1")) {
            DemoData.seed(admin, clock.instant());
        }
        config = home.resolve("keyhole.yaml");
        Files.writeString(config, "runbooks: " + Shipped.resolve(Path.of("examples/runbooks")).toAbsolutePath() + "\n"
                + "aws: {region: us-east-1, endpoint: \"" + engine.endpoint() + "\", accessKeyId: "
                + LocalIdentities.KEYHOLE_ACCESS_KEY + ", secretAccessKey: " + LocalIdentities.KEYHOLE_SECRET + "}\n"
                + "users:\n  alice: {groups: [oncall]}\n"
                + "audit:\n  path: " + home.resolve("state.db") + "\n  signingKey: " + home.resolve("audit.key") + "\n");
        CommandRun token = CommandRun.of("tokens", "create", "alice", "--config", config.toString());
        assertThat(token.exit()).as(token.err()).isEqualTo(ExitCode.OK);
        // Slow DynamoDB: a run spends most of its time between its started and finished records.
        engine.faults().delayDynamoDb(Duration.ofMillis(150));
        try (ServeProcess gateway = ServeProcess.start(config, home, "first")) {
            String base = gateway.awaitServing();
            CountDownLatch acked = new CountDownLatch(ACKS_BEFORE_KILL);
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                int caller = t;
                callers.add(Thread.ofPlatform().daemon().start(() -> call(base, token.out().strip(), caller, acked)));
            }
            assertThat(acked.await(60, TimeUnit.SECONDS)).as("acknowledged runs; gateway stderr:\n" + gateway.stderr()).isTrue();
            exitStatus = gateway.kill();
            for (Thread t : callers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        }
        engine.faults().clear();
        try (ServeProcess again = ServeProcess.start(config, home, "second")) {
            again.awaitServing();
            restartErr = again.stderr();
        }
    }

    /** Runs the runbook until the gateway stops answering, noting each call as acknowledged or cut off. */
    private static void call(String base, String token, int caller, CountDownLatch acked) {
        HttpClient http = HttpClient.newHttpClient();
        for (int n = 0; ; n++) {
            String id = "kh-kill-" + caller + "-" + n;
            sent.put(id, false);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/runbooks/orders-by-customer/runs"))
                        .header("Authorization", "Bearer " + token).header("X-Correlation-Id", id)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"params\": {\"customerId\": \"C-100" + (1 + caller) + "\"}, \"ticket\": \"INC-" + n + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("\"correlationId\":\"" + id + "\"")) {
                    throw new AssertionError("run " + id + " answered " + r.statusCode() + ": " + r.body());
                }
                sent.put(id, true);
                acked.countDown();
            } catch (IOException e) {
                return; // the gateway is gone: this call was in flight
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static List<AuditEvent> records() throws Exception {
        try (AuditStore store = AuditStore.sqlite(home.resolve("state.db"))) {
            List<AuditEvent> out = new ArrayList<>();
            store.forEach(1, (StoredRecord r) -> out.add(r.event()));
            return out;
        }
    }

    private static Map<String, List<String>> recordsById() throws Exception {
        return records().stream().filter(e -> e.correlationId().startsWith("kh-kill-")).collect(Collectors.groupingBy(
                AuditEvent::correlationId, Collectors.mapping(e -> e.type().word() + (e.get(AuditEvent.Field.OUTCOME) == null
                        ? "" : ":" + e.get(AuditEvent.Field.OUTCOME)), Collectors.toList())));
    }

    @Test
    void theGatewayWasKilledWithSigkill() {
        assertThat(exitStatus).as("128 + SIGKILL").isEqualTo(137);
    }

    @Test
    void everyAcknowledgedRunHasItsStartedAndFinishedRecords() throws Exception {
        Map<String, List<String>> byId = recordsById();
        List<String> acked = sent.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        for (String id : acked) {
            assertThat(byId.get(id)).as(id).containsExactly("started", "finished:ok");
        }
    }

    @Test
    void runsInFlightAtTheKillAreFinishedAsInterruptedByTheRestartedGateway() throws Exception {
        Map<String, List<String>> byId = recordsById();
        List<String> cutOff = sent.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        List<String> begun = cutOff.stream().filter(byId::containsKey).toList();
        assertThat(begun).as("cut-off runs that had started (of %s)", cutOff).isNotEmpty();
        // A cut-off run ends with exactly one finish: `interrupted`, written by the restarted gateway, or `ok` when
        // its finished record was committed and only the answer died with the process (seen once in a CI run).
        for (String id : begun) {
            assertThat(byId.get(id)).as(id).isIn(List.of("started", "finished:interrupted"), List.of("started", "finished:ok"));
        }
        assertThat(begun).as("runs the restarted gateway recorded as interrupted")
                .anyMatch(id -> byId.get(id).equals(List.of("started", "finished:interrupted")));
        assertThat(restartErr).contains("recorded as interrupted: ");
        assertThat(byId.keySet()).as("nothing but what was sent").isSubsetOf(sent.keySet());
    }

    @Test
    void noStartedRecordIsLeftWithoutAFinish() throws Exception {
        try (AuditStore store = AuditStore.sqlite(home.resolve("state.db"))) {
            assertThat(store.unfinished()).isEmpty();
        }
    }

    @Test
    void theInterruptedFinishCarriesTheRunAndSaysWhichGatewayDied() throws Exception {
        AuditEvent finish = records().stream().filter(e -> "interrupted".equals(e.get(AuditEvent.Field.OUTCOME)))
                .findFirst().orElseThrow();
        assertThat(finish.principal()).isEqualTo("alice");
        assertThat(finish.fields()).containsEntry(AuditEvent.Field.RUNBOOK, "orders-by-customer")
                .containsEntry(AuditEvent.Field.SESSION_NAME, finish.correlationId())
                .doesNotContainKey(AuditEvent.Field.INSTANCE);
        assertThat((String) finish.get(AuditEvent.Field.REASON)).startsWith("gateway `").contains("ended before the run finished");
    }

    @Test
    void theAuditLogVerifiesAfterTheCrashAndTheRecovery() {
        CommandRun verify = CommandRun.of("audit", "verify", "--config", config.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void searchingForInterruptedRunsFindsTheRecoveredOnes() {
        CommandRun search = CommandRun.of("audit", "search", "--outcome", "interrupted", "-o", "jsonl", "--config",
                config.toString());
        assertThat(search.exit()).as(search.err()).isEqualTo(ExitCode.OK);
        Set<String> cutOff = sent.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(search.out()).contains("\"outcome\":\"interrupted\"");
        assertThat(search.out().lines().filter(l -> l.contains("kh-kill-")).map(l -> l.replaceAll(".*\"(kh-kill-[0-9-]+)\".*", "$1")))
                .isNotEmpty().allMatch(cutOff::contains);
    }
}
