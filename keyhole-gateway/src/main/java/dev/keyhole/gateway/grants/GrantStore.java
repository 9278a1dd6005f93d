package dev.keyhole.gateway.grants;

import dev.keyhole.gateway.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Grants in keyhole's database. Changes go through {@link #update}, one transaction each, the row locked. */
final class GrantStore {

    private static final String COLUMNS = "id, kind, requester, runbook, ticket, reason, requested_ms, duration_s, "
            + "required, approver_groups, state, self_service, active_ms, expires_ms, ended_ms, ended_by, end_reason";

    private final Database db;

    GrantStore(Database db) {
        this.db = db;
    }

    void insert(Grant g) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO grant_request (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, g.id());
                ps.setString(2, g.kind().word());
                ps.setString(3, g.requester());
                ps.setString(4, g.runbook());
                ps.setString(5, g.ticket());
                ps.setString(6, g.reason());
                ps.setLong(7, g.requested().toEpochMilli());
                ps.setLong(8, g.duration().toSeconds());
                ps.setInt(9, g.required());
                ps.setString(10, String.join(",", g.approverGroups()));
                setState(ps, 11, g);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void setState(PreparedStatement ps, int at, Grant g) throws SQLException {
        ps.setString(at, g.state().word());
        ps.setInt(at + 1, g.selfService() ? 1 : 0);
        setTime(ps, at + 2, g.activeSince());
        setTime(ps, at + 3, g.expires());
        setTime(ps, at + 4, g.ended());
        ps.setString(at + 5, g.endedBy());
        ps.setString(at + 6, g.endReason());
    }

    private static void setTime(PreparedStatement ps, int at, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(at, Types.BIGINT);
        } else {
            ps.setLong(at, t.toEpochMilli());
        }
    }

    /** A change to one grant, decided on its current row inside the transaction. */
    interface Change {
        /** The new grant, or the same one for no change; throws {@link GrantException} to refuse. */
        Grant apply(Grant current);
    }

    /**
     * Applies {@code change} to grant {@code id} with the row locked, recording any new approval; returns
     * the grant after it.
     */
    Grant update(String id, Change change) throws SQLException {
        return db.inTransaction(c -> {
            Grant current = read(c, id, db.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE" : "")
                    .orElseThrow(() -> new GrantException("no grant `" + id + "`; see `keyhole grants list`"));
            Grant next = change.apply(current);
            if (next.approvals().size() > current.approvals().size()) {
                Grant.Approval a = next.approvals().get(next.approvals().size() - 1);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO grant_approval (grant_id, approver, time_ms) VALUES (?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, a.approver());
                    ps.setLong(3, a.time().toEpochMilli());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE grant_request SET state = ?, self_service = ?, "
                    + "active_ms = ?, expires_ms = ?, ended_ms = ?, ended_by = ?, end_reason = ? WHERE id = ?")) {
                setState(ps, 1, next);
                ps.setString(8, id);
                ps.executeUpdate();
            }
            return next;
        });
    }

    Optional<Grant> find(String id) throws SQLException {
        try (Connection c = db.connect()) {
            return read(c, id, "");
        }
    }

    private Optional<Grant> read(Connection c, String id, String lock) throws SQLException {
        List<Grant> found = query(c, "SELECT " + COLUMNS + " FROM grant_request WHERE id = ?" + lock, id);
        return found.stream().findFirst();
    }

    /** Grants of {@code requester} (null: everyone's) for {@code runbook} (null: every runbook), newest first. */
    List<Grant> list(String requester, String runbook) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM grant_request WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (requester != null) {
            sql.append(" AND requester = ?");
            args.add(requester);
        }
        if (runbook != null) {
            sql.append(" AND runbook = ?");
            args.add(runbook);
        }
        sql.append(" ORDER BY requested_ms DESC, id");
        try (Connection c = db.connect()) {
            return query(c, sql.toString(), args.toArray(String[]::new));
        }
    }

    private List<Grant> query(Connection c, String sql, String... args) throws SQLException {
        List<Grant> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(c, rs));
                }
            }
        }
        return out;
    }

    private static Grant row(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String groups = rs.getString(10);
        return new Grant(id, Grant.Kind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                Duration.ofSeconds(rs.getLong(8)), rs.getInt(9),
                groups.isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(groups.split(","))),
                approvals(c, id), Grant.State.valueOf(rs.getString(11).toUpperCase(java.util.Locale.ROOT)),
                rs.getInt(12) == 1, time(rs, 13), time(rs, 14), time(rs, 15), rs.getString(16), rs.getString(17));
    }

    private static Instant time(ResultSet rs, int at) throws SQLException {
        long v = rs.getLong(at);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static List<Grant.Approval> approvals(Connection c, String id) throws SQLException {
        List<Grant.Approval> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT approver, time_ms FROM grant_approval WHERE grant_id = ? ORDER BY time_ms, approver")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Grant.Approval(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                }
            }
        }
        return out;
    }
}
