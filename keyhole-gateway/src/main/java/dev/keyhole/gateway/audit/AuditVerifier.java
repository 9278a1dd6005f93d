package dev.keyhole.gateway.audit;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Checks a chain: every record's hash follows from the one before, sequence numbers run from 1 without
 * gaps, every checkpoint is signed by a trusted key and matches the record it names, and the log does
 * not end before its last checkpoint. Names the first bad record.
 *
 * <p>Feed it records in chain order with {@link #accept}, then call {@link #finish}. One pass, constant
 * memory apart from the checkpoints.
 */
public final class AuditVerifier implements Consumer<StoredRecord> {

    private final Map<String, PublicKey> trusted;
    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final Map<Long, String> hashesAtCheckpoints = new HashMap<>();
    private final ChainHash chain = new ChainHash();
    private byte[] prev = ChainHash.bytes(ChainHash.GENESIS);
    private final long[] checkpointSeqs;
    private int nextCheckpoint;
    private long expected = 1;
    private long count;
    private long firstBad;
    private String problem;

    /**
     * @param checkpoints the log's checkpoints
     * @param trusted public keys by key id ({@link CheckpointSigner#keyId(PublicKey)}); a checkpoint signed by
     *     any other key is a problem
     */
    public AuditVerifier(List<Checkpoint> checkpoints, Map<String, PublicKey> trusted) {
        this.trusted = Map.copyOf(trusted);
        for (Checkpoint c : checkpoints) {
            this.checkpoints.put(c.seq(), c);
        }
        this.checkpointSeqs = this.checkpoints.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /** Verifies every record of {@code store} with its checkpoints, reading payloads as the bytes hashed. */
    public static VerifyReport verify(AuditStore store, Map<String, PublicKey> trusted) throws java.sql.SQLException {
        AuditVerifier v = new AuditVerifier(store.checkpoints(), trusted);
        store.forEachRaw(1, v::accept);
        return v.finish();
    }

    @Override
    public void accept(StoredRecord r) {
        accept(r.seq(), r.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), r.hash());
    }

    /** One record: its sequence number, its payload's UTF-8 bytes as stored, and its stored hash. */
    public void accept(long seq, byte[] payload, String hash) {
        if (problem != null) {
            return;
        }
        count++;
        if (seq != expected) {
            fail(Math.min(seq, expected), seq > expected
                    ? "record " + expected + " is missing: the log goes from record " + (expected - 1) + " to " + seq
                    : "record " + seq + " appears after record " + (expected - 1) + ": records were reordered or duplicated");
            return;
        }
        prev = chain.next(prev, seq, payload);
        if (!ChainHash.matches(prev, hash)) {
            fail(seq, "record " + seq + " does not match its chain hash: it was modified, or inserted, "
                    + "or records before it were changed");
            return;
        }
        // Checkpoint sequence numbers come in order, like records: compare with the next one instead of a map lookup.
        while (nextCheckpoint < checkpointSeqs.length && checkpointSeqs[nextCheckpoint] < seq) {
            nextCheckpoint++;
        }
        if (nextCheckpoint < checkpointSeqs.length && checkpointSeqs[nextCheckpoint] == seq) {
            hashesAtCheckpoints.put(seq, hash);
        }
        expected++;
    }

    private void fail(long seq, String what) {
        firstBad = seq;
        problem = what;
    }

    /** The verdict, once every record was given. */
    public VerifyReport finish() {
        long lastSeq = expected - 1;
        long lastSigned = 0;
        long previousCheckpoint = 0;
        for (Checkpoint c : checkpoints.values()) {
            if (problem != null && c.seq() >= firstBad) {
                break;
            }
            PublicKey key = trusted.get(c.keyId());
            if (key == null || !CheckpointSigner.verify(c, key)) {
                fail(previousCheckpoint + 1, "checkpoint at record " + c.seq() + " is not signed by a trusted key"
                        + (key == null ? " (key id " + c.keyId() + " is unknown)" : " (bad signature)"));
                break;
            }
            if (c.seq() > lastSeq) {
                if (problem == null) {
                    fail(lastSeq + 1, "the log ends at record " + lastSeq + " but a signed checkpoint covers record "
                            + c.seq() + ": records " + (lastSeq + 1) + " to " + c.seq() + " were removed");
                }
                break;
            }
            if (!c.hash().equals(hashesAtCheckpoints.get(c.seq()))) {
                fail(previousCheckpoint + 1, "checkpoint at record " + c.seq() + " does not match the chain: "
                        + "records " + (previousCheckpoint + 1) + " to " + c.seq() + " were rewritten");
                break;
            }
            lastSigned = c.seq();
            previousCheckpoint = c.seq();
        }
        return new VerifyReport(problem == null, count, checkpoints.size(), lastSeq, lastSigned, problem == null ? 0 : firstBad,
                problem);
    }
}
