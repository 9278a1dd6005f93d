package dev.keyhole.gateway.audit;

import static dev.keyhole.gateway.audit.AuditFixtures.CLOCK;
import static dev.keyhole.gateway.audit.AuditFixtures.trusting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.audit.AuditStores.Backend;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the verifier catches when someone with write access to the database edits a log, in both stores:
 * each edit on its own log of 50 records, signed at records 1, 11, 21, 31, 41 and 50. The report names
 * the first record that can no longer be trusted. Two edits it cannot catch close the class, so the
 * limit is on record.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class TamperTest {

    @RegisterExtension
    static final AuditStores STORES = new AuditStores();
    private static final CheckpointSigner SIGNER = CheckpointSigner.generate();
    private static final CheckpointSigner OTHER = CheckpointSigner.generate();
    private static final String CHANGED = "record 25 does not match its chain hash: it was modified, or inserted, "
            + "or records before it were changed";

    private final Backend backend;

    TamperTest(Backend backend) {
        this.backend = backend;
    }

    /** A new log of 50 signed records. */
    private AuditStore signedLog() {
        StoreAddress where = STORES.fresh(backend);
        AuditFixtures.write(where, SIGNER, 50);
        return where.open();
    }

    private static VerifyReport verify(AuditStore store) throws SQLException {
        return AuditVerifier.verify(store, trusting(SIGNER));
    }

    /** One edit of a log's tables. */
    private interface Edit {
        void apply(AuditStore store, Tamper tamper) throws SQLException;
    }

    /** What the verifier says of a new signed log after {@code edit}. */
    private VerifyReport afterEdit(Edit edit) throws SQLException {
        try (AuditStore store = signedLog(); Tamper tamper = new Tamper(store)) {
            edit.apply(store, tamper);
            return verify(store);
        }
    }

    private static void assertCaught(VerifyReport report, long firstBad, String problem) {
        assertThat(report).extracting(VerifyReport::ok, VerifyReport::firstBad, VerifyReport::problem)
                .containsExactly(false, firstBad, problem);
    }

    @Test
    void anUntouchedLogVerifiesWithEveryRecordSigned() throws SQLException {
        try (AuditStore store = signedLog()) {
            assertThat(store.checkpoints()).extracting(Checkpoint::seq).containsExactly(1L, 11L, 21L, 31L, 41L, 50L);
            VerifyReport report = verify(store);
            assertThat(report).isEqualTo(new VerifyReport(true, 50, 6, 50, 50, 0, null));
        }
    }

    @Test
    void aChangedFieldIsCaughtAtItsRecord() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> tamper.setPayload(25,
                tamper.payload(25).replace("\"principal\":\"alice\"", "\"principal\":\"mallory\""))), 25, CHANGED);
    }

    @Test
    void aChangedRecordWithItsOwnHashRecomputedIsCaughtAtTheNextRecord() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> {
            tamper.setPayload(25, tamper.payload(25).replace("alice", "mallory"));
            tamper.rehash(25, 25);
        }), 26, CHANGED.replace("record 25", "record 26"));
    }

    @Test
    void aDeletedRecordIsCaughtWhereItIsMissing() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> tamper.delete(25, 25)), 25,
                "record 25 is missing: the log goes from record 24 to 26");
    }

    @Test
    void anInsertedRecordWithEveryLaterHashRecomputedIsCaughtByTheNextCheckpoint() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> {
            tamper.insert(25, AuditFixtures.refused("planted", CLOCK.instant()));
            tamper.rehash(25, 51);
        }), 22, "checkpoint at record 31 does not match the chain: records 22 to 31 were rewritten");
    }

    @Test
    void swappedRecordsAreCaughtAtTheFirstOfThem() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> {
            tamper.swap(25, 26);
            assertThat(AuditFixtures.correlationIds(store)).containsEntry(25L, "run-26").containsEntry(26L, "run-25");
        }), 25, CHANGED);
    }

    @Test
    void removingSignedRecordsFromTheEndIsCaught() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> tamper.delete(45, 50)), 45,
                "the log ends at record 44 but a signed checkpoint covers record 50: records 45 to 50 were removed");
    }

    @Test
    void aCheckpointWithAForgedSignatureIsCaught() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> {
            Checkpoint real = store.checkpoints().get(2);
            Checkpoint forged = OTHER.sign(real.seq(), real.hash(), real.time());
            tamper.replaceCheckpoint(new Checkpoint(real.seq(), real.hash(), real.time(), real.keyId(), forged.signature()));
        }), 12, "checkpoint at record 21 is not signed by a trusted key (bad signature)");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsCaught() throws SQLException {
        assertCaught(afterEdit((store, tamper) -> {
            Checkpoint real = store.checkpoints().get(2);
            tamper.replaceCheckpoint(OTHER.sign(real.seq(), real.hash(), real.time()));
        }), 12, "checkpoint at record 21 is not signed by a trusted key (key id " + OTHER.keyId() + " is unknown)");
    }

    @Test
    void anUntouchedLogFailsAgainstTheWrongKey() throws SQLException {
        try (AuditStore store = signedLog()) {
            assertCaught(AuditVerifier.verify(store, trusting(OTHER)), 1,
                    "checkpoint at record 1 is not signed by a trusted key (key id " + SIGNER.keyId() + " is unknown)");
        }
    }

    /** The limit: records written since the last checkpoint are a sound chain that nothing vouches for yet. */
    @Test
    void removingUnsignedRecordsFromTheEndIsNotDetectable() throws SQLException {
        VerifyReport report = afterEdit((store, tamper) -> {
            List<AuditEvent> fiveMore = IntStream.rangeClosed(51, 55)
                    .mapToObj(i -> AuditFixtures.refused("run-" + i, CLOCK.instant())).toList();
            store.append(fiveMore, AuditFixtures.policy(SIGNER), CLOCK);
            assertThat(verify(store)).extracting(VerifyReport::ok, VerifyReport::lastSeq, VerifyReport::unsigned)
                    .containsExactly(true, 55L, 5L);
            tamper.delete(53, 55);
        });
        assertThat(report).isEqualTo(new VerifyReport(true, 52, 6, 52, 50, 0, null));
    }

    /**
     * The limit, again: checkpoints live beside the records, so whoever removes the last records and their
     * checkpoints leaves a log that verifies. Only a checkpoint kept elsewhere (an export) catches that.
     */
    @Test
    void removingSignedRecordsTogetherWithTheirCheckpointIsNotDetectable() throws SQLException {
        VerifyReport report = afterEdit((store, tamper) -> {
            tamper.delete(45, 50);
            tamper.deleteCheckpoints(45, 50);
        });
        assertThat(report).isEqualTo(new VerifyReport(true, 44, 5, 44, 41, 0, null));
    }
}
