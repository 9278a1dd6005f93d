package dev.keyhole.gateway.audit;

import static dev.keyhole.gateway.audit.AuditFixtures.CLOCK;
import static dev.keyhole.gateway.audit.AuditFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.audit.AuditStores.Backend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store's writer keeps its statements from one batch to the next: many batches on one connection chain
 * on from each other, and a batch the database refuses leaves nothing behind and does not spoil the batches
 * after it.
 */
class AuditStoreWriterTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final AuditStores STORES = new AuditStores();
    private static final CheckpointSigner SIGNER = CheckpointSigner.generate();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void batchAfterBatchOnOneConnectionMakesOneChainThatVerifies(Backend backend) throws Exception {
        try (AuditStore store = STORES.fresh(backend).open()) {
            for (int batch = 0; batch < 30; batch++) {
                List<StoredRecord> written = store.append(List.of(refused("b" + batch + "-1", CLOCK.instant()),
                        refused("b" + batch + "-2", CLOCK.instant())), AuditFixtures.policy(SIGNER), CLOCK);
                assertThat(written).extracting(StoredRecord::seq).containsExactly(2L * batch + 1, 2L * batch + 2);
            }
            VerifyReport report = AuditVerifier.verify(store, AuditFixtures.trusting(SIGNER));
            assertThat(report.ok()).as(report.problem()).isTrue();
            assertThat(report.records()).isEqualTo(60);
            assertThat(report.checkpoints()).isGreaterThanOrEqualTo(6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void aRefusedBatchWritesNothingAndTheNextBatchChainsOnFromTheLastGoodRecord(Backend backend) throws Exception {
        try (AuditStore store = STORES.fresh(backend).open()) {
            store.append(List.of(refused("good-1", CLOCK.instant())), AuditFixtures.policy(SIGNER), CLOCK);
            // Someone else's row where the next record goes: the database refuses the whole batch.
            try (Connection c = store.rawConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_record (seq, time_ms, type, correlation_id, payload, hash) VALUES (3, 0, 'refused', 'x', '{}', 'x')")) {
                ps.executeUpdate();
            }
            assertThatThrownBy(() -> store.append(List.of(refused("lost-2", CLOCK.instant()),
                    refused("lost-3", CLOCK.instant())), AuditFixtures.policy(SIGNER), CLOCK)).isInstanceOf(SQLException.class);
            try (Connection c = store.rawConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_record WHERE seq = 3");
            }
            assertThat(store.lastSeq()).isEqualTo(1);
            List<StoredRecord> after = store.append(List.of(refused("good-2", CLOCK.instant())),
                    AuditFixtures.policy(SIGNER), CLOCK);
            assertThat(after).extracting(StoredRecord::seq).containsExactly(2L);
            assertThat(after.get(0).event().correlationId()).isEqualTo("good-2");
            VerifyReport report = AuditVerifier.verify(store, AuditFixtures.trusting(SIGNER));
            assertThat(report.ok()).as(report.problem()).isTrue();
            assertThat(report.records()).isEqualTo(2);
        }
    }
}
