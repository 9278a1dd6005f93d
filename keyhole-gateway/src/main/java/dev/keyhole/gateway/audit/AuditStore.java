package dev.keyhole.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.gateway.store.StoreException;

/**
 * Where the chain lives: an embedded SQLite file or a PostgreSQL database. Appends take a lock on the
 * chain's head row inside one transaction, so any number of processes, each with its own store, append
 * one consistent chain. The schema is migrated when its {@link Database} opens.
 *
 * <p>Thread-safe; appends from one process are serialized on one connection ({@link AuditLog} batches
 * them), reads use connections of their own.
 */
public final class AuditStore implements AutoCloseable {

    private static final String LOCK_HEAD = "SELECT seq, hash, checkpoint_seq, checkpoint_time_ms FROM audit_head WHERE id = 1";
    private static final String INSERT = "INSERT INTO audit_record (seq, time_ms, type, correlation_id, principal, "
            + "runbook, ticket, outcome, payload, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_HEAD =
            "UPDATE audit_head SET seq = ?, hash = ?, checkpoint_seq = ?, checkpoint_time_ms = ? WHERE id = 1";
    private static final String COLUMNS = "seq, payload, hash";
    /** A started record {@code r} with no finished record. */
    private static final String UNFINISHED = "(r.type = 'started' AND NOT EXISTS (SELECT 1 FROM audit_record f"
            + " WHERE f.correlation_id = r.correlation_id AND f.type = 'finished'))";

    private final Database db;
    private final String lockHead;
    private Connection writer;
    /**
     * The writer connection's statements, prepared once per connection rather than once per batch (preparing
     * costs the database a parse, PostgreSQL a round trip); dropped with the connection when it is replaced.
     */
    private WriterStatements statements;
    /** Set when a write failed: the writer connection may be dead, so the next write checks it first. */
    private boolean suspect;
    private static final int VALID_SECONDS = 5;
    private static final int MAX_RECONNECTS = 20;
    private final ChainHash chain = new ChainHash();

    /** Whether closing this store closes its database (it opened it itself). */
    private final boolean ownsDatabase;

    /** The audit log in {@code db}; the caller keeps and closes {@code db}. */
    public AuditStore(Database db) {
        this(db, false);
    }

    /** The audit log in {@code db}, closing {@code db} when it closes. */
    public static AuditStore owning(Database db) {
        return new AuditStore(db, true);
    }

    private AuditStore(Database db, boolean ownsDatabase) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.lockHead = db.dialect() == Database.Dialect.POSTGRESQL ? LOCK_HEAD + " FOR UPDATE" : LOCK_HEAD;
        try {
            this.writer = db.connect();
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot open the audit log `" + db.description() + "`: " + e.getMessage(), e);
        }
    }

    /** The embedded store in {@code file}, created with its schema when missing. */
    public static AuditStore sqlite(Path file) {
        try {
            return new AuditStore(Database.sqlite(file), true);
        } catch (StoreException e) {
            throw new AuditUnavailableException("cannot open the audit log: " + e.getMessage(), e);
        }
    }

    /** The shared store in PostgreSQL at {@code url} ({@code jdbc:postgresql://host:port/db}). */
    public static AuditStore postgresql(String url, String user, String password) {
        try {
            return new AuditStore(Database.postgresql(url, user, password), true);
        } catch (StoreException e) {
            throw new AuditUnavailableException("cannot open the audit log: " + e.getMessage(), e);
        }
    }

    /** Where the log lives, for messages (never with a password). */
    public String description() {
        return db.description();
    }

    /** The database it lives in. */
    public Database database() {
        return db;
    }

    private Connection connect() throws SQLException {
        return db.connect();
    }

    private void begin() throws SQLException {
        if (writer.isClosed() || (suspect && !writer.isValid(VALID_SECONDS))) {
            // The database dropped it (a restart, a failover): the append that found out failed, this one reconnects.
            dropStatements();
            db.discard(writer);
            writer = liveConnection();
        }
        suspect = false;
        if (statements == null) {
            statements = new WriterStatements(writer, db.dialect(), lockHead);
        }
        statements.begin();
    }

    private void dropStatements() {
        if (statements != null) {
            statements.close();
            statements = null;
        }
    }

    /**
     * A pooled connection that answers. After a restart the pool may still hold connections the server
     * ended; each is thrown away rather than failing one more batch of appends.
     */
    private Connection liveConnection() throws SQLException {
        for (int tries = 1; ; tries++) {
            Connection c = db.connect();
            if (c.isValid(VALID_SECONDS) || tries >= MAX_RECONNECTS) {
                return c;
            }
            db.discard(c);
        }
    }

    private void commit() throws SQLException {
        statements.commit();
    }

    /** An event with its canonical text, encoded before the chain's lock is taken. */
    record Encoded(AuditEvent event, String payload, byte[] utf8) {
        static Encoded of(AuditEvent e) {
            String payload = CanonicalJson.encode(e);
            return new Encoded(e, payload, payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Appends {@code events} as the next records of the chain, in order, in one transaction, with a signed
     * checkpoint when {@code policy} says one is due. Returns the records as stored. Nothing is written
     * when it fails.
     */
    public List<StoredRecord> append(List<AuditEvent> events, CheckpointPolicy policy, Clock clock) throws SQLException {
        return appendEncoded(events.stream().map(Encoded::of).toList(), policy, clock);
    }

    synchronized List<StoredRecord> appendEncoded(List<Encoded> events, CheckpointPolicy policy, Clock clock)
            throws SQLException {
        begin();
        try {
            Head head = lockHead();
            List<StoredRecord> out = new ArrayList<>(events.size());
            long seq = head.seq;
            byte[] prev = ChainHash.bytes(head.hash);
            String lastHash = head.hash;
            PreparedStatement ps = statements.insert;
            ps.clearBatch();
            for (Encoded enc : events) {
                AuditEvent e = enc.event();
                String payload = enc.payload();
                seq++;
                prev = chain.next(prev, seq, enc.utf8());
                String hash = ChainHash.hex(prev);
                lastHash = hash;
                ps.setLong(1, seq);
                ps.setLong(2, e.time().toEpochMilli());
                ps.setString(3, e.type().word());
                ps.setString(4, e.correlationId());
                ps.setString(5, e.principal());
                ps.setString(6, text(e.get(AuditEvent.Field.RUNBOOK)));
                ps.setString(7, text(e.get(AuditEvent.Field.TICKET)));
                ps.setString(8, text(e.get(AuditEvent.Field.OUTCOME)));
                ps.setString(9, payload);
                ps.setString(10, hash);
                ps.addBatch();
                out.add(new StoredRecord(seq, payload, hash));
            }
            ps.executeBatch();
            Instant now = clock.instant();
            if (policy != null && policy.due(seq, head.checkpointSeq, head.checkpointMs, now.toEpochMilli())) {
                insertCheckpoint(policy.signer().sign(seq, lastHash, now));
                updateHead(seq, lastHash, seq, now.toEpochMilli());
            } else {
                updateHead(seq, lastHash, head.checkpointSeq, head.checkpointMs);
            }
            commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            failed();
            throw e;
        }
    }

    /** Signs the head when a checkpoint is due by time alone (an idle log still gets its last records signed). */
    public synchronized void checkpointIfDue(CheckpointPolicy policy, Clock clock) throws SQLException {
        begin();
        try {
            Head head = lockHead();
            Instant now = clock.instant();
            if (policy.due(head.seq, head.checkpointSeq, head.checkpointMs, now.toEpochMilli())) {
                insertCheckpoint(policy.signer().sign(head.seq, head.hash, now));
                updateHead(head.seq, head.hash, head.seq, now.toEpochMilli());
            }
            commit();
        } catch (SQLException | RuntimeException e) {
            failed();
            throw e;
        }
    }

    private record Head(long seq, String hash, long checkpointSeq, long checkpointMs) {}

    /** Statements of one writer connection, and how it begins and commits a write transaction. */
    private static final class WriterStatements {
        final PreparedStatement lockHead;
        final PreparedStatement insert;
        final PreparedStatement updateHead;
        /** SQLite only: {@code BEGIN IMMEDIATE} and {@code COMMIT}, prepared like the rest (see {@link Database#begin}). */
        private final PreparedStatement begin;
        private final PreparedStatement commit;
        private final Connection c;

        WriterStatements(Connection c, Database.Dialect dialect, String lockHeadSql) throws SQLException {
            this.c = c;
            boolean sqlite = dialect == Database.Dialect.SQLITE;
            this.begin = sqlite ? c.prepareStatement("BEGIN IMMEDIATE") : null;
            this.commit = sqlite ? c.prepareStatement("COMMIT") : null;
            this.lockHead = c.prepareStatement(lockHeadSql);
            this.insert = c.prepareStatement(INSERT);
            this.updateHead = c.prepareStatement(UPDATE_HEAD);
        }

        void begin() throws SQLException {
            if (begin != null) {
                begin.execute();
            } else {
                c.setAutoCommit(false);
            }
        }

        void commit() throws SQLException {
            if (commit != null) {
                commit.execute();
            } else {
                c.commit();
                c.setAutoCommit(true);
            }
        }

        void close() {
            for (PreparedStatement ps : new PreparedStatement[] {begin, commit, lockHead, insert, updateHead}) {
                try {
                    if (ps != null) {
                        ps.close();
                    }
                } catch (SQLException ignored) {
                    // the connection is being dropped or closed: nothing to keep
                }
            }
        }
    }

    private Head lockHead() throws SQLException {
        try (ResultSet rs = statements.lockHead.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit log's head row is missing; the log was damaged (run `keyhole audit verify`)");
            }
            return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
        }
    }

    private void updateHead(long seq, String hash, long checkpointSeq, long checkpointMs) throws SQLException {
        PreparedStatement ps = statements.updateHead;
        ps.setLong(1, seq);
        ps.setString(2, hash);
        ps.setLong(3, checkpointSeq);
        ps.setLong(4, checkpointMs);
        ps.executeUpdate();
    }

    private void insertCheckpoint(Checkpoint c) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT INTO audit_checkpoint (seq, hash, time, key_id, signature) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, c.seq());
            ps.setString(2, c.hash());
            ps.setString(3, c.time().toString());
            ps.setString(4, c.keyId());
            ps.setString(5, c.signature());
            ps.executeUpdate();
        }
    }

    /**
     * After a failed write: undo it, and prepare the statements afresh next time (the driver may have closed or
     * left them mid-step, a full disk does), on a connection checked before it is trusted again.
     */
    private void failed() {
        suspect = true;
        db.rollbackQuietly(writer);
        dropStatements();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** Calls {@code sink} with every record from {@code fromSeq} on, in chain order, streaming. */
    public void forEach(long fromSeq, Consumer<StoredRecord> sink) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_record WHERE seq >= ? ORDER BY seq")) {
                ps.setFetchSize(10_000);
                ps.setLong(1, fromSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new StoredRecord(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            c.rollback();
        }
    }

    /** A record as the verifier reads it: no decoding of the payload, which is hashed as the bytes stored. */
    @FunctionalInterface
    public interface RawSink {
        void accept(long seq, byte[] payload, String hash);
    }

    /** Like {@link #forEach}, with each payload as its UTF-8 bytes (what the chain hashes), streaming. */
    public void forEachRaw(long fromSeq, RawSink sink) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, payload, hash FROM audit_record WHERE seq >= ? ORDER BY seq")) {
                ps.setFetchSize(10_000);
                ps.setLong(1, fromSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getLong(1), rs.getBytes(2), rs.getString(3));
                    }
                }
            }
            c.rollback();
        }
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> checkpoints() throws SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash, time, key_id, signature FROM audit_checkpoint ORDER BY seq")) {
            while (rs.next()) {
                out.add(new Checkpoint(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getString(4),
                        rs.getString(5)));
            }
        }
        return out;
    }

    /** The records {@code q} selects, oldest first. */
    public List<StoredRecord> search(AuditQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(where, args, "correlation_id", q.correlationId());
        filter(where, args, "ticket", q.ticket());
        filter(where, args, "principal", q.principal());
        filter(where, args, "runbook", q.runbook());
        if (q.from() != null) {
            where.append(" AND r.time_ms >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            where.append(" AND r.time_ms < ?");
            args.add(q.to().toEpochMilli());
        }
        if (q.outcome() != null) {
            switch (q.outcome()) {
                case "refused" -> where.append(" AND r.type = 'refused'");
                // Closed by a later gateway (InterruptedRuns), or not yet: a started record with no finish.
                case "interrupted" -> where.append(" AND ((r.type = 'finished' AND r.outcome = 'interrupted') OR ")
                        .append(UNFINISHED).append(")");
                default -> {
                    where.append(" AND r.type = 'finished' AND r.outcome = ?");
                    args.add(q.outcome());
                }
            }
        }
        // The newest `limit` records, returned oldest first.
        String sql = "SELECT " + COLUMNS + " FROM (SELECT r.seq, r.payload, r.hash FROM audit_record r" + where
                + " ORDER BY r.seq DESC LIMIT " + q.limit() + ") t ORDER BY seq";
        List<StoredRecord> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredRecord(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    private static void filter(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" AND r.").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** Every started record with no finished record, oldest first: runs in progress, or interrupted. */
    public List<StoredRecord> unfinished() throws SQLException {
        List<StoredRecord> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + COLUMNS + " FROM audit_record r WHERE " + UNFINISHED + " ORDER BY seq")) {
            while (rs.next()) {
                out.add(new StoredRecord(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** Which of {@code correlationIds} have a finished record. */
    public Set<String> finished(Collection<String> correlationIds) throws SQLException {
        Set<String> out = new HashSet<>();
        if (correlationIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(correlationIds.size(), "?"));
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT correlation_id FROM audit_record WHERE type = 'finished' AND correlation_id IN (" + marks + ")")) {
            int i = 1;
            for (String id : correlationIds) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The highest sequence number written, 0 for an empty log. */
    public long lastSeq() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A connection for tests and tools that need to reach the tables directly (tamper tests). */
    Connection rawConnection() throws SQLException {
        return connect();
    }

    @Override
    public synchronized void close() {
        dropStatements();
        try {
            writer.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        }
        if (ownsDatabase) {
            db.close();
        }
    }
}
