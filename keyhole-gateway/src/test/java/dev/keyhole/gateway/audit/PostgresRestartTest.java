package dev.keyhole.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared (PostgreSQL) audit store while its server restarts as after a crash ({@code pg_ctl restart -m
 * immediate}) under eight appending threads: appends during the outage fail (the caller is told, and would
 * not run anything), appends resume by themselves once the server is back, every append that returned is
 * in the log with its correlation id, and the chain verifies.
 */
class PostgresRestartTest {

    private static final int THREADS = 8;
    private static final int ACKS_EACH_SIDE = 200;

    private static PrivatePostgres postgres;
    private static CheckpointSigner signer;
    private static final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private static final AtomicInteger ackedAfterRestart = new AtomicInteger();
    private static final AtomicInteger refusedDuringOutage = new AtomicInteger();

    @BeforeAll
    static void restartPostgresUnderLoad() throws Exception {
        postgres = PrivatePostgres.start();
        signer = CheckpointSigner.generate();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        try (AuditLog log = new AuditLog(AuditStore.postgresql(postgres.url(), postgres.user(), null),
                AuditFixtures.policy(signer), AuditFixtures.CLOCK)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String id = "pg-" + thread + "-" + n;
                        boolean after = restarted.get();
                        try {
                            StoredRecord r = log.append(AuditFixtures.refused(id, AuditFixtures.CLOCK.instant()));
                            acknowledged.put(r.seq(), id);
                            if (after) {
                                ackedAfterRestart.incrementAndGet();
                            }
                        } catch (AuditUnavailableException e) {
                            refusedDuringOutage.incrementAndGet();
                            pause();
                        }
                    }
                }));
            }
            awaitThat(() -> acknowledged.size() >= ACKS_EACH_SIDE, "appends before the restart");
            postgres.restartImmediately();
            restarted.set(true);
            awaitThat(() -> ackedAfterRestart.get() >= ACKS_EACH_SIDE, "appends after the restart (reconnecting)");
            stop.set(true);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitThat(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 60 s: " + acknowledged.size() + " acknowledged, "
                        + ackedAfterRestart.get() + " after the restart, " + refusedDuringOutage.get() + " refused");
            }
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static AuditStore open() {
        return AuditStore.postgresql(postgres.url(), postgres.user(), null);
    }

    @Test
    void appendsCutOffByTheRestartFailAndTheCallerIsTold() {
        assertThat(refusedDuringOutage.get()).as("appends that failed while the server restarted").isPositive();
    }

    @Test
    void appendsResumeByThemselvesAfterTheRestart() {
        assertThat(ackedAfterRestart.get()).isGreaterThanOrEqualTo(ACKS_EACH_SIDE);
    }

    @Test
    void everyAcknowledgedAppendIsInTheLogWithItsCorrelationId() throws Exception {
        try (AuditStore store = open()) {
            assertThat(AuditFixtures.correlationIds(store)).containsAllEntriesOf(acknowledged);
        }
    }

    @Test
    void theChainVerifiesAcrossTheRestart() throws Exception {
        try (AuditStore store = open()) {
            VerifyReport report = AuditVerifier.verify(store, AuditFixtures.trusting(signer));
            assertThat(report.ok()).as(report.problem()).isTrue();
            assertThat(report.lastSeq()).isGreaterThanOrEqualTo(acknowledged.keySet().stream().mapToLong(s -> s).max()
                    .orElseThrow());
            assertThat(report.unsigned()).as("the log signs its head when it closes").isZero();
        }
    }
}
