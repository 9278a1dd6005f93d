package dev.keyhole.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.audit.AuditStores.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many gateway processes share one chain: eight processes that start together on a new log, each
 * appending 500 records from ten threads, leave one chain of 4,000 records that verifies and holds every
 * record each process was told was written, where it was told. Gateways that create the signing key
 * together all end up signing with the one key on disk.
 */
class ConcurrentAppendersTest {

    @RegisterExtension
    static final AuditStores STORES = new AuditStores();
    private static final int PROCESSES = 8;
    private static final int THREADS = 10;
    private static final int PER_THREAD = 50;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void eightProcessesStartingTogetherAppendOneChainThatHoldsEveryAcknowledgedRecord(Backend backend) throws Exception {
        StoreAddress where = STORES.fresh(backend);
        Path key = STORES.file(backend + ".key");
        CheckpointSigner signer = CheckpointSigner.loadOrCreate(key);

        Map<Long, String> acknowledged = new HashMap<>();
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                String name = "w" + i;
                workers.add(WorkerProcess.start(name, AppendWorker.args(where, key, name, THREADS, PER_THREAD, false),
                        STORES.file(backend + "-" + name + ".err")));
            }
            for (WorkerProcess w : workers) {
                w.go();
            }
            for (WorkerProcess w : workers) {
                w.awaitDone();
                assertThat(w.acks()).hasSize(THREADS * PER_THREAD);
                acknowledged.putAll(w.acks());
            }
        } finally {
            workers.forEach(WorkerProcess::close);
        }

        int total = PROCESSES * THREADS * PER_THREAD;
        assertThat(acknowledged.keySet()).as("every sequence number handed out once")
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        try (AuditStore store = where.open()) {
            VerifyReport report = AuditVerifier.verify(store, AuditFixtures.trusting(signer));
            assertThat(report.ok()).as(report.problem()).isTrue();
            assertThat(report.records()).isEqualTo(total);
            assertThat(report.unsigned()).as("each worker signs its head on close").isZero();
            assertThat(AuditFixtures.correlationIds(store)).isEqualTo(acknowledged);
        }
    }

    @Test
    void gatewaysCreatingTheSigningKeyAtOnceAllSignWithTheKeyOnDisk() throws Exception {
        for (int round = 1; round <= 10; round++) { // a race: ten chances to lose it
            Path key = STORES.file("shared-" + round + ".key");
            CyclicBarrier together = new CyclicBarrier(PROCESSES);
            List<Callable<CheckpointSigner>> gateways = Collections.nCopies(PROCESSES, () -> {
                together.await();
                return CheckpointSigner.loadOrCreate(key);
            });
            List<CheckpointSigner> signers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(PROCESSES)) {
                for (Future<CheckpointSigner> s : pool.invokeAll(gateways)) {
                    signers.add(s.get());
                }
            }
            PublicKey onDisk = CheckpointSigner.readPublicKey(Files.readString(key.resolveSibling(key.getFileName() + ".pub")));
            assertThat(signers).allSatisfy(s -> assertThat(
                    CheckpointSigner.verify(s.sign(1, ChainHash.GENESIS, AuditFixtures.CLOCK.instant()), onDisk))
                    .as("a checkpoint by key %s verifies with the public key on disk", s.keyId()).isTrue());
        }
    }
}
