package dev.keyhole.gateway.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.AuditUnavailableException;
import dev.keyhole.gateway.audit.AuditVerifier;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.audit.VerifyReport;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.model.Runbook;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded (SQLite) audit log on a disk that fills up or turns read-only: executions are refused before
 * any credential is asked for (audit before action), the log holds nothing of them, and once the disk is
 * healed keyhole runs again and the whole chain verifies.
 */
class AuditDiskFaultsTest {

    private static final Caller ALICE = new Caller("alice", Set.of("oncall"));
    private static final Clock CLOCK = Clock.systemUTC();

    private static SmallDisk disk;
    private static LocalServer engine;
    private static StsCredentialsBroker broker;
    private static DynamoDbClients clients;
    private static AuditLog audit;
    private static CheckpointSigner signer;
    private static Executor executor;
    private static Runbook runbook;

    @BeforeAll
    static void start() throws Exception {
        disk = SmallDisk.mount(4);
        engine = OrdersWorld.engine(CLOCK);
        runbook = OrdersWorld.runbook(OrdersWorld.RUNBOOK);
        broker = new StsCredentialsBroker(OrdersWorld.sts(engine.endpoint(), AwsCallLimits.DEFAULT), CLOCK,
                Duration.ofMinutes(2));
        clients = new DynamoDbClients(engine.endpoint(), AwsCallLimits.DEFAULT);
        signer = CheckpointSigner.generate();
        open();
    }

    /** Opens the audit log on the small disk and an executor writing to it. */
    private static AuditLog open() {
        audit = new AuditLog(AuditStore.sqlite(disk.resolve("audit.db")), new CheckpointPolicy(signer, 5,
                Duration.ofMinutes(1)), CLOCK);
        executor = new Executor(broker, clients, new CursorSealer(CursorSealer.newKey(), CLOCK), new Masker(new byte[32]),
                CLOCK, audit);
        return audit;
    }

    @AfterAll
    static void stop() throws Exception {
        if (audit != null) {
            audit.close();
        }
        if (clients != null) {
            clients.close();
            broker.close();
            engine.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    private static RunRequest request(String customer, String correlationId) {
        return new RunRequest(ALICE, runbook, null, Map.of("customerId", customer), "INC-1", null, correlationId);
    }

    /** Runs once, healthy; returns the records the log then holds. */
    private static long healthyRun(String id) throws Exception {
        assertThat(executor.run(request("C-1", id)).items()).isNotEmpty();
        return audit.store().lastSeq();
    }

    /** A run while the disk is broken: refused, nothing asked of STS or DynamoDB, nothing in the log. */
    private static void refusedWithoutATrace(String id, long recordsBefore) throws Exception {
        int sts = engine.faults().stsRequests();
        int dynamo = engine.faults().dynamoDbRequests();
        assertThatThrownBy(() -> executor.run(request("C-2", id)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.AUDIT_UNAVAILABLE))
                .hasMessageContaining("will not run anything it cannot audit");
        assertThat(engine.faults().stsRequests()).as("STS requests").isEqualTo(sts);
        assertThat(engine.faults().dynamoDbRequests()).as("DynamoDB requests").isEqualTo(dynamo);
        assertThat(audit.store().lastSeq()).as("records").isEqualTo(recordsBefore);
        assertThat(OrdersWorld.records(audit, id)).isEmpty();
    }

    /** After healing: a run goes through, recorded, and the chain verifies from the first record. */
    private static void runsAgainAndTheChainVerifies(String id) throws Exception {
        assertThat(executor.run(request("C-1", id)).items()).isNotEmpty();
        assertThat(OrdersWorld.records(audit, id)).extracting(AuditEvent::type)
                .containsExactly(AuditEvent.Type.STARTED, AuditEvent.Type.FINISHED);
        VerifyReport report = AuditVerifier.verify(audit.store(), Map.of(signer.keyId(), signer.publicKey()));
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.lastSeq()).isEqualTo(audit.store().lastSeq());
    }

    @Test
    void aFullDiskRefusesRunsAndLeavesNothingHalfWritten() throws Exception {
        long before = healthyRun("kh-disk-before-full");
        disk.fill();
        try {
            refusedWithoutATrace("kh-disk-full", before);
        } finally {
            disk.free();
        }
        runsAgainAndTheChainVerifies("kh-disk-freed");
    }

    /**
     * A read-only filesystem (remounted so while keyhole was down: Linux will not remount one read-only with
     * files open for writing): the gateway's audit log does not open, so nothing can run; once the disk is
     * writable again it opens, runs, and the chain verifies.
     */
    @Test
    void aReadOnlyDiskKeepsTheAuditLogFromOpeningAndNothingRuns() throws Exception {
        long before = healthyRun("kh-disk-before-ro");
        audit.close();
        disk.readOnly(true);
        try {
            assertThatThrownBy(() -> open().close()).isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("cannot open the audit log");
        } finally {
            disk.readOnly(false);
            open();
        }
        assertThat(audit.store().lastSeq()).isEqualTo(before);
        runsAgainAndTheChainVerifies("kh-disk-rw");
    }
}
