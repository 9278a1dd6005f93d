package dev.keyhole.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.audit.AuditStores.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gateway killed with SIGKILL while four threads append to its SQLite log, and with an execution
 * started and never finished: afterwards every record it acknowledged is there, the chain verifies
 * (its last records may be unsigned), and the execution is found as interrupted.
 */
class CrashTest {

    @RegisterExtension
    static final AuditStores STORES = new AuditStores();
    private static final int ACKS_BEFORE_KILL = 300;

    private static CheckpointSigner signer;
    private static int exitStatus;
    private static String started;
    private static Map<Long, String> acknowledged;
    private static AuditStore store;

    @BeforeAll
    static void killAGatewayMidAppend() throws Exception {
        StoreAddress where = STORES.fresh(Backend.SQLITE);
        Path key = STORES.file("audit.key");
        signer = CheckpointSigner.loadOrCreate(key);
        try (WorkerProcess gateway = WorkerProcess.start("crash", AppendWorker.args(where, key, "crash", 4, 0, true),
                STORES.file("crash.err"))) {
            gateway.go();
            started = gateway.awaitStarted();
            gateway.awaitAcks(ACKS_BEFORE_KILL);
            exitStatus = gateway.kill();
            acknowledged = gateway.acks();
        }
        store = where.open();
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theGatewayWasKilledWithSigkill() {
        assertThat(exitStatus).as("128 + SIGKILL").isEqualTo(137);
    }

    @Test
    void everyAcknowledgedRecordIsThereWithItsCorrelationId() throws Exception {
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(AuditFixtures.correlationIds(store)).containsAllEntriesOf(acknowledged);
    }

    @Test
    void theChainVerifiesThoughItsLastRecordsMayBeUnsigned() throws Exception {
        VerifyReport report = AuditVerifier.verify(store, AuditFixtures.trusting(signer));
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.lastSeq()).isGreaterThanOrEqualTo(acknowledged.keySet().stream().mapToLong(s -> s).max().orElseThrow());
        assertThat(report.unsigned()).isLessThan(AuditFixtures.CHECKPOINT_EVERY);
    }

    @Test
    void theUnfinishedExecutionIsInterruptedAndItsGatewayNotRunning() throws Exception {
        List<StoredRecord> interrupted = store.search(new AuditQuery(null, null, null, null, null, null, "interrupted", 100));
        assertThat(interrupted).extracting(r -> r.event().correlationId()).containsExactly(started);
        AuditEvent event = interrupted.get(0).event();
        assertThat(Instances.mayStillRun((String) event.get(AuditEvent.Field.INSTANCE), event.time(), Instant.now()))
                .as("the killed process still counted as running").isFalse();
    }
}
