package dev.keyhole.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Edits a log's tables directly, as someone with write access to the database would, to show what the
 * verifier catches. Each method is one edit, committed at once.
 */
final class Tamper implements AutoCloseable {

    private final Connection db;
    private final ChainHash chain = new ChainHash();

    Tamper(AuditStore store) throws SQLException {
        this.db = store.rawConnection();
    }

    String payload(long seq) throws SQLException {
        return text("SELECT payload FROM audit_record WHERE seq = ?", seq);
    }

    /** Replaces a record's payload and leaves its hash. */
    void setPayload(long seq, String payload) throws SQLException {
        update("UPDATE audit_record SET payload = ? WHERE seq = ?", payload, seq);
    }

    /** Recomputes the hashes of records {@code from} to {@code to} from the record before them. */
    void rehash(long from, long to) throws SQLException {
        byte[] prev = ChainHash.bytes(from == 1 ? ChainHash.GENESIS : text("SELECT hash FROM audit_record WHERE seq = ?", from - 1));
        for (long seq = from; seq <= to; seq++) {
            prev = chain.next(prev, seq, payload(seq));
            update("UPDATE audit_record SET hash = ? WHERE seq = ?", ChainHash.hex(prev), seq);
        }
    }

    void delete(long from, long to) throws SQLException {
        update("DELETE FROM audit_record WHERE seq BETWEEN ? AND ?", from, to);
    }

    /** Puts {@code e} at {@code seq}, moving that record and every later one up by one; hashes left as they were. */
    void insert(long seq, AuditEvent e) throws SQLException {
        // Through negative numbers: the primary key is checked row by row.
        update("UPDATE audit_record SET seq = -seq WHERE seq >= ?", seq);
        update("UPDATE audit_record SET seq = 1 - seq WHERE seq < 0");
        update("INSERT INTO audit_record (seq, time_ms, type, correlation_id, principal, payload, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, '')", seq, e.time().toEpochMilli(), e.type().word(), e.correlationId(),
                e.principal(), CanonicalJson.encode(e));
    }

    /** Exchanges the places of two records, hashes and all. */
    void swap(long a, long b) throws SQLException {
        update("UPDATE audit_record SET seq = -1 WHERE seq = ?", a);
        update("UPDATE audit_record SET seq = ? WHERE seq = ?", a, b);
        update("UPDATE audit_record SET seq = ? WHERE seq = -1", b);
    }

    /** Puts {@code c} in the place of the checkpoint at {@code c.seq()}. */
    void replaceCheckpoint(Checkpoint c) throws SQLException {
        update("UPDATE audit_checkpoint SET hash = ?, time = ?, key_id = ?, signature = ? WHERE seq = ?",
                c.hash(), c.time().toString(), c.keyId(), c.signature(), c.seq());
    }

    void deleteCheckpoints(long from, long to) throws SQLException {
        update("DELETE FROM audit_checkpoint WHERE seq BETWEEN ? AND ?", from, to);
    }

    private String text(String sql, long seq) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no record " + seq);
                }
                return rs.getString(1);
            }
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
