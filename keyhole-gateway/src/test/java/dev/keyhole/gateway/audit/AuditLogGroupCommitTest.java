package dev.keyhole.gateway.audit;

import static dev.keyhole.gateway.audit.AuditFixtures.CLOCK;
import static dev.keyhole.gateway.audit.AuditFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.audit.AuditStores.Backend;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit with the callers committing themselves: whoever appends, on whatever thread, gets back its
 * own record, in one chain that verifies; a commit that fails tells its callers and leaves the log working;
 * callers interrupted while they wait do not stall the ones behind them.
 */
class AuditLogGroupCommitTest {

    @RegisterExtension
    static final AuditStores STORES = new AuditStores();
    private static final CheckpointSigner SIGNER = CheckpointSigner.generate();
    private static final int THREADS = 32;
    private static final int PER_THREAD = 100;

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyConcurrentCallerGetsItsOwnRecordInOneChainThatVerifies(boolean virtual) throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try (AuditLog log = new AuditLog(STORES.fresh(Backend.SQLITE).open(), AuditFixtures.policy(SIGNER), CLOCK)) {
            List<Thread> threads = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < THREADS; t++) {
                String name = "t" + t;
                Runnable work = () -> {
                    await(go);
                    long last = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        String id = name + "-" + i;
                        StoredRecord r = log.append(refused(id, CLOCK.instant()));
                        assertThat(r.event().correlationId()).isEqualTo(id);
                        assertThat(r.seq()).as("one caller's records in its order").isGreaterThan(last);
                        last = r.seq();
                        assertThat(acknowledged.put(r.seq(), id)).as("seq %d given twice", r.seq()).isNull();
                    }
                };
                threads.add(virtual ? Thread.ofVirtual().unstarted(work) : Thread.ofPlatform().unstarted(work));
            }
            threads.forEach(Thread::start);
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(acknowledged).hasSize(THREADS * PER_THREAD);
            assertThat(AuditFixtures.correlationIds(log.store())).isEqualTo(acknowledged);
            VerifyReport report = AuditVerifier.verify(log.store(), AuditFixtures.trusting(SIGNER));
            assertThat(report.ok()).as(report.problem()).isTrue();
            assertThat(report.records()).isEqualTo(THREADS * PER_THREAD);
        }
    }

    @Test
    void aFailedCommitIsReportedToItsCallerAndTheNextAppendIsWritten() throws Exception {
        try (AuditLog log = new AuditLog(STORES.fresh(Backend.SQLITE).open(), AuditFixtures.policy(SIGNER), CLOCK)) {
            log.append(refused("run-1", CLOCK.instant()));
            // A row where the next record goes: the database refuses the commit.
            try (Connection c = log.store().rawConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO audit_record (seq, time_ms, type, correlation_id, payload, hash)"
                        + " VALUES (2, 0, 'refused', 'x', '{}', 'x')");
            }
            assertThatThrownBy(() -> log.append(refused("run-lost", CLOCK.instant())))
                    .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("could not write");
            try (Connection c = log.store().rawConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_record WHERE seq = 2");
            }
            StoredRecord r = log.append(refused("run-2", CLOCK.instant()));
            assertThat(r.seq()).isEqualTo(2);
            assertThat(r.event().correlationId()).isEqualTo("run-2");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void callersInterruptedWhileTheyWaitStillGetTheirRecordAndStallNobody() throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try (AuditLog log = new AuditLog(STORES.fresh(Backend.SQLITE).open(), AuditFixtures.policy(SIGNER), CLOCK)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String name = "t" + t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 100; i++) {
                        String id = name + "-" + i;
                        StoredRecord r = log.append(refused(id, CLOCK.instant()));
                        acknowledged.put(r.seq(), id);
                        Thread.interrupted(); // the caller's own business; the next append starts clean
                    }
                }));
            }
            // Interrupt callers at random while they append: leaders mid-commit, followers waiting, callers handed
            // the next batch.
            while (threads.stream().anyMatch(Thread::isAlive)) {
                threads.get(ThreadLocalRandom.current().nextInt(threads.size())).interrupt();
                Thread.sleep(0, 200_000);
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(acknowledged).hasSize(16 * 100);
            assertThat(AuditFixtures.correlationIds(log.store())).isEqualTo(acknowledged);
            StoredRecord after = log.append(refused("after", CLOCK.instant()));
            assertThat(after.seq()).isEqualTo(16 * 100 + 1);
        }
    }

    @Test
    void anAppendAfterCloseIsRefusedAndCloseSignsTheHead() throws Exception {
        StoreAddress where = STORES.fresh(Backend.SQLITE);
        AuditLog log = new AuditLog(where.open(), new CheckpointPolicy(SIGNER, 1_000, Duration.ofHours(1)), CLOCK);
        log.append(refused("run-1", CLOCK.instant()));
        log.append(refused("run-2", CLOCK.instant()));
        log.close();
        assertThatThrownBy(() -> log.append(refused("run-3", CLOCK.instant())))
                .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("closed");
        try (AuditStore store = where.open()) {
            VerifyReport report = AuditVerifier.verify(store, AuditFixtures.trusting(SIGNER));
            assertThat(report.ok()).as(report.problem()).isTrue();
            assertThat(report.lastSigned()).isEqualTo(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
