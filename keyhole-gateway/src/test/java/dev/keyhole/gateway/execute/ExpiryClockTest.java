package dev.keyhole.gateway.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.ManualClock;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.credentials.SessionCredentials;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.model.Runbook;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Expiry decisions read one injected clock: the executor's reuse of credentials, the broker's cache, sealed
 * cursors and the engine's sessions all move with it. With the clock stepped to the second: credentials
 * are reused until 2 minutes before they expire and minted afresh from then on; a cursor opens until the
 * second it expires and is refused from that second on, before anything is asked of AWS. The runbook's
 * session lasts 15 minutes (STS's minimum for AssumeRole DurationSeconds, 900 s:
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
 */
class ExpiryClockTest {

    private static final Caller ALICE = new Caller("alice", Set.of("oncall"));
    private static final Duration SESSION = Duration.ofMinutes(15);
    /** How close to expiry credentials stop being reused (the executor's and the broker's margin). */
    private static final Duration REUSE_MARGIN = Duration.ofMinutes(2);

    private static final ManualClock CLOCK = ManualClock.startingNow();
    private static LocalServer engine;
    private static AuditLog audit;
    private static DynamoDbClients clients;
    private static Runbook runbook;
    private StsCredentialsBroker broker;
    private Executor executor;
    private Instant start;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = OrdersWorld.engine(CLOCK);
        runbook = OrdersWorld.runbook(OrdersWorld.RUNBOOK);
        audit = new AuditLog(AuditStore.sqlite(Files.createTempDirectory("keyhole-expiry").resolve("audit.db")),
                new CheckpointPolicy(CheckpointSigner.generate(), 100, Duration.ofMinutes(1)), CLOCK);
        clients = new DynamoDbClients(engine.endpoint(), AwsCallLimits.DEFAULT);
    }

    /** Each test from the real time again, with an executor and a broker of its own (nothing cached). */
    @BeforeEach
    void freshExecutor() {
        CLOCK.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        start = CLOCK.instant();
        broker = new StsCredentialsBroker(OrdersWorld.sts(engine.endpoint(), AwsCallLimits.DEFAULT), CLOCK, REUSE_MARGIN);
        executor = new Executor(broker, clients, new CursorSealer(CursorSealer.newKey(), CLOCK), new Masker(new byte[32]),
                CLOCK, audit);
    }

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @AfterAll
    static void stop() {
        audit.close();
        clients.close();
        engine.close();
    }

    private RunResult run(String customer, String cursor) {
        return executor.run(new RunRequest(ALICE, runbook, null, Map.of("customerId", customer), "INC-1", cursor,
                "kh-expiry-" + customer + "-" + CLOCK.instant().getEpochSecond()));
    }

    private void at(Duration sinceStart) {
        CLOCK.set(start.plus(sinceStart));
    }

    @Test
    void credentialsAreReusedUntilTwoMinutesBeforeTheyExpireAndMintedAfreshFromThen() {
        String first = run("C-1", null).accessKeyId();
        int minted = engine.faults().stsRequests();
        at(SESSION.minus(REUSE_MARGIN).minusSeconds(1));
        assertThat(run("C-1", null).accessKeyId()).as("2 min 1 s before expiry").isEqualTo(first);
        assertThat(engine.faults().stsRequests()).isEqualTo(minted);
        at(SESSION.minus(REUSE_MARGIN));
        String renewed = run("C-1", null).accessKeyId();
        assertThat(renewed).as("2 min before expiry").isNotEqualTo(first);
        assertThat(engine.faults().stsRequests()).isEqualTo(minted + 1);
    }

    @Test
    void credentialsUsedAfterTheyExpireAreRefusedByAwsAndKeyholeMintsNewOnes() {
        SessionCredentials handedOut = executor.credentials(new RunRequest(ALICE, runbook, null,
                Map.of("customerId", "C-1"), "INC-1", null, "kh-expiry-handed-out"));
        DynamoDbClient direct = clients.forCredentials(handedOut, "us-east-1");
        QueryRequest query = QueryRequest.builder().tableName("Orders").keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("C-1")))
                .projectionExpression("customerId, orderId").select(Select.SPECIFIC_ATTRIBUTES).build();
        at(SESSION.minusSeconds(1));
        assertThat(direct.query(query).items()).as("1 s before expiry").isNotEmpty();
        at(SESSION);
        assertThatThrownBy(() -> direct.query(query)).as("at expiry").isInstanceOfSatisfying(DynamoDbException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
        assertThat(run("C-1", null).accessKeyId()).as("keyhole's own run").isNotEqualTo(handedOut.accessKeyId());
    }

    @Test
    void aCursorOpensUntilTheSecondItExpires() {
        String cursor = run("C-2", null).cursor();
        assertThat(cursor).isNotNull();
        at(SESSION.minusSeconds(1));
        assertThat(run("C-2", cursor).items()).isNotEmpty();
        at(SESSION);
        int sts = engine.faults().stsRequests();
        int dynamo = engine.faults().dynamoDbRequests();
        assertThatThrownBy(() -> run("C-2", cursor))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CURSOR_REJECTED))
                .hasMessage("the cursor expired at " + start.plus(SESSION) + "; start again without --cursor");
        assertThat(engine.faults().stsRequests()).isEqualTo(sts);
        assertThat(engine.faults().dynamoDbRequests()).isEqualTo(dynamo);
    }

    /**
     * The gateway's clock 3 minutes behind AWS's: by its own clock it reuses credentials that AWS already
     * expired; AWS answers ExpiredTokenException, and keyhole drops them, admits the run again (a fresh
     * session policy) and runs it with new credentials, once, so the caller sees only the result.
     */
    @Test
    void credentialsAwsExpiredWhileOurSlowClockStillTrustsThemAreReplacedOnce() throws Exception {
        ManualClock gateway = ManualClock.startingNow();
        // The engine's clock stays within SigV4's 15 minutes of the real time (the SDK signs with that).
        CLOCK.set(start.minus(Duration.ofMinutes(14)));
        gateway.set(CLOCK.instant().minus(Duration.ofMinutes(3)));
        try (StsCredentialsBroker slowBroker = new StsCredentialsBroker(OrdersWorld.sts(engine.endpoint(),
                AwsCallLimits.DEFAULT), gateway, REUSE_MARGIN)) {
            Executor slow = new Executor(slowBroker, clients, new CursorSealer(CursorSealer.newKey(), gateway),
                    new Masker(new byte[32]), gateway, audit);
            RunRequest req = new RunRequest(ALICE, runbook, null, Map.of("customerId", "C-1"), "INC-1", null, "kh-skew-1");
            String first = slow.run(req).accessKeyId();
            Duration later = SESSION.plusSeconds(30); // AWS: expired 30 s ago; the gateway: 2.5 min left, reusable
            CLOCK.move(later);
            gateway.move(later);
            int minted = engine.faults().stsRequests();
            RunRequest again = new RunRequest(ALICE, runbook, null, Map.of("customerId", "C-1"), "INC-1", null,
                    "kh-skew-2");
            RunResult r = slow.run(again);
            assertThat(r.items()).isNotEmpty();
            assertThat(r.accessKeyId()).isNotEqualTo(first);
            assertThat(engine.faults().stsRequests()).as("minted once more").isEqualTo(minted + 1);
            assertThat(OrdersWorld.records(audit, "kh-skew-2")).extracting(e -> e.get(AuditEvent.Field.OUTCOME))
                    .containsExactly(null, "ok");
        }
    }
}
