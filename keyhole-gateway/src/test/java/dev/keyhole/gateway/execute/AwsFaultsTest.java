package dev.keyhole.gateway.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.local.http.EngineFaults;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.model.Runbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * DynamoDB and STS misbehaving under a running executor, shown by the local engine over the real wire
 * protocols: throttling (with DynamoDB's error shapes), slowness, a stopped engine, and STS refusing or not
 * answering. Each time keyhole retries a bounded number of times with the SDK's backoff and jitter, gives
 * the caller a clear error, and the execution's {@code finished} record says what went wrong
 * ({@code failure}). Without credentials nothing reaches DynamoDB.
 *
 * <p>Throttling and retries as DynamoDB defines them: "Error handling with DynamoDB",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
class AwsFaultsTest {

    /** Tight limits so a test sees every attempt give up quickly: 3 attempts, 300 ms each, 5 s in all. */
    private static final AwsCallLimits LIMITS = new AwsCallLimits(3, Duration.ofMillis(300), Duration.ofSeconds(5));
    /** Longer than an attempt may take. */
    private static final Duration SLOW = Duration.ofSeconds(2);
    private static final Caller ALICE = new Caller("alice", Set.of("oncall"));
    private static final Clock CLOCK = Clock.systemUTC();

    private static LocalServer engine;
    private static AuditLog audit;
    private static StsCredentialsBroker broker;
    private static DynamoDbClients clients;
    private static Executor executor;
    private static Runbook runbook;

    @BeforeAll
    static void start() throws Exception {
        engine = OrdersWorld.engine(CLOCK);
        runbook = OrdersWorld.runbook(OrdersWorld.RUNBOOK);
        Path dir = Files.createTempDirectory("keyhole-aws-faults");
        audit = new AuditLog(AuditStore.sqlite(dir.resolve("audit.db")),
                new CheckpointPolicy(CheckpointSigner.generate(), 100, Duration.ofMinutes(1)), CLOCK);
        broker = new StsCredentialsBroker(OrdersWorld.sts(engine.endpoint(), LIMITS), CLOCK, Duration.ofMinutes(2));
        clients = new DynamoDbClients(engine.endpoint(), LIMITS);
        executor = executor(runbook);
    }

    private static Executor executor(Runbook rb) {
        return new Executor(broker, clients, new CursorSealer(CursorSealer.newKey(), CLOCK), new Masker(new byte[32]),
                CLOCK, audit);
    }

    @AfterEach
    void heal() {
        engine.faults().clear();
    }

    @AfterAll
    static void stop() {
        audit.close();
        clients.close();
        broker.close();
        engine.close();
    }

    private static RunRequest request(String customer, String correlationId) {
        return request(runbook, customer, correlationId);
    }

    private static RunRequest request(Runbook rb, String customer, String correlationId) {
        return new RunRequest(ALICE, rb, null, Map.of("customerId", customer), "INC-1", null, correlationId);
    }

    /** Mints (and caches) the credentials of {@code customer}'s binding, so the run after only queries. */
    private static void mintFor(String customer) {
        executor.credentials(request(customer, "kh-mint-" + customer));
    }

    private static AuditEvent finished(String correlationId) {
        List<AuditEvent> recs = OrdersWorld.records(audit, correlationId);
        assertThat(recs).extracting(AuditEvent::type).containsExactly(AuditEvent.Type.STARTED, AuditEvent.Type.FINISHED);
        return recs.get(1);
    }

    @Test
    void aTableThrottledThroughEveryRetryIsTriedThreeTimesThenReportedAsThrottled() {
        mintFor("C-1");
        int before = engine.faults().dynamoDbRequests();
        engine.faults().throttleNext(100, EngineFaults.Throttle.PROVISIONED_THROUGHPUT);
        assertThatThrownBy(() -> executor.run(request("C-1", "kh-throttled-pte")))
                .isInstanceOf(ProvisionedThroughputExceededException.class)
                .hasMessageContaining("SDK Attempt Count: 3");
        assertThat(engine.faults().dynamoDbRequests() - before).as("attempts").isEqualTo(LIMITS.maxAttempts());
        assertThat(finished("kh-throttled-pte").fields()).containsEntry(AuditEvent.Field.OUTCOME, "failed")
                .containsEntry(AuditEvent.Field.FAILURE, "throttled")
                .hasEntrySatisfying(AuditEvent.Field.ERROR, e -> assertThat((String) e)
                        .startsWith("ProvisionedThroughputExceededException: The level of configured provisioned"));
    }

    @Test
    void throttlingExceptionIsRetriedAsThrottlingToo() {
        mintFor("C-1");
        int before = engine.faults().dynamoDbRequests();
        engine.faults().throttleNext(100, EngineFaults.Throttle.THROTTLING);
        assertThatThrownBy(() -> executor.run(request("C-1", "kh-throttled-te")))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(engine.faults().dynamoDbRequests() - before).as("attempts").isEqualTo(LIMITS.maxAttempts());
        assertThat(finished("kh-throttled-te").fields()).containsEntry(AuditEvent.Field.FAILURE, "throttled")
                .containsEntry(AuditEvent.Field.ERROR, "ThrottlingException: Rate of requests exceeds the allowed throughput.");
    }

    @Test
    void throttlingThatEndsWithinTheRetriesIsInvisibleToTheCaller() {
        mintFor("C-1");
        int before = engine.faults().dynamoDbRequests();
        engine.faults().throttleNext(LIMITS.maxAttempts() - 1, EngineFaults.Throttle.PROVISIONED_THROUGHPUT);
        assertThat(executor.run(request("C-1", "kh-throttled-briefly")).items()).isNotEmpty();
        assertThat(engine.faults().dynamoDbRequests() - before).as("attempts, pages included").isGreaterThanOrEqualTo(3);
        assertThat(finished("kh-throttled-briefly").fields()).containsEntry(AuditEvent.Field.OUTCOME, "ok")
                .doesNotContainKey(AuditEvent.Field.FAILURE);
    }

    @Test
    void aSlowEngineIsCutOffAtTheAttemptTimeoutAndReportedAsTimeout() {
        mintFor("C-1");
        int before = engine.faults().dynamoDbRequests();
        engine.faults().delayDynamoDb(SLOW);
        assertThatThrownBy(() -> executor.run(request("C-1", "kh-slow")))
                .isInstanceOf(SdkClientException.class)
                .satisfies(e -> assertThat(rootOrSelf(e)).isInstanceOf(ApiCallAttemptTimeoutException.class));
        assertThat(engine.faults().dynamoDbRequests() - before).as("attempts").isEqualTo(LIMITS.maxAttempts());
        assertThat(finished("kh-slow").fields()).containsEntry(AuditEvent.Field.OUTCOME, "failed")
                .containsEntry(AuditEvent.Field.FAILURE, "timeout");
    }

    @Test
    void aStoppedEngineFailsTheRunAsEngineUnavailableAndTheRecordSaysSo() throws Exception {
        try (LocalServer doomed = OrdersWorld.engine(CLOCK);
             DynamoDbClients toDoomed = new DynamoDbClients(doomed.endpoint(), LIMITS);
             StsCredentialsBroker doomedSts = new StsCredentialsBroker(OrdersWorld.sts(doomed.endpoint(), LIMITS), CLOCK,
                     Duration.ofMinutes(2))) {
            Executor e = new Executor(doomedSts, toDoomed, new CursorSealer(CursorSealer.newKey(), CLOCK),
                    new Masker(new byte[32]), CLOCK, audit);
            assertThat(e.run(request("C-2", "kh-before-stop")).items()).isNotEmpty();
            doomed.close(); // the credentials stay cached in the executor: the next run goes straight to DynamoDB
            assertThatThrownBy(() -> e.run(request("C-2", "kh-after-stop")))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Unable to execute HTTP request");
        }
        assertThat(finished("kh-after-stop").fields()).containsEntry(AuditEvent.Field.OUTCOME, "failed")
                .containsEntry(AuditEvent.Field.FAILURE, "engine-unavailable");
    }

    @Test
    void stsRefusingTheRoleIsARefusalRecordedAndNothingReachesDynamoDb() {
        Runbook untrusted = OrdersWorld.runbook(OrdersWorld.RUNBOOK.replace("role/keyhole-exec", "role/not-for-keyhole")
                .replace("name: orders-by-customer", "name: orders-elsewhere"));
        int before = engine.faults().dynamoDbRequests();
        assertThatThrownBy(() -> executor(untrusted).run(request(untrusted, "C-1", "kh-sts-denied")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CREDENTIALS_REFUSED))
                .hasMessageStartingWith("STS refused credentials for runbook `orders-elsewhere` (AccessDenied: ")
                .hasMessageEndingWith("; nothing ran");
        assertThat(engine.faults().dynamoDbRequests()).as("DynamoDB requests").isEqualTo(before);
        assertThat(finished("kh-sts-denied").fields()).containsEntry(AuditEvent.Field.OUTCOME, "failed")
                .containsEntry(AuditEvent.Field.FAILURE, "credentials-refused")
                .hasEntrySatisfying(AuditEvent.Field.ERROR, e -> assertThat((String) e).startsWith("AccessDenied: "))
                .doesNotContainKey(AuditEvent.Field.ACCESS_KEY_ID);
    }

    @Test
    void stsTooSlowToAnswerIsARefusalAfterBoundedAttemptsAndNothingReachesDynamoDb() {
        int dynamoBefore = engine.faults().dynamoDbRequests();
        int stsBefore = engine.faults().stsRequests();
        engine.faults().delaySts(SLOW);
        assertThatThrownBy(() -> executor.run(request("C-3", "kh-sts-slow")))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.CREDENTIALS_UNAVAILABLE);
                    assertThat(rootOrSelf(r.getCause())).isInstanceOf(ApiCallAttemptTimeoutException.class);
                })
                .hasMessageContaining("nothing ran, try again later");
        assertThat(engine.faults().stsRequests() - stsBefore).as("STS attempts").isEqualTo(LIMITS.maxAttempts());
        assertThat(engine.faults().dynamoDbRequests()).as("DynamoDB requests").isEqualTo(dynamoBefore);
        assertThat(finished("kh-sts-slow").fields()).containsEntry(AuditEvent.Field.OUTCOME, "failed")
                .containsEntry(AuditEvent.Field.FAILURE, "credentials-unavailable");
    }

    /** The exception the SDK gave up on: the last cause, or {@code e} itself. */
    private static Throwable rootOrSelf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
