package dev.keyhole.server.drift;

import dev.keyhole.drift.classify.KeyholeSession;
import dev.keyhole.drift.classify.SessionLookup;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.StoredRecord;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit log's executions, read once before a scan (one query, not one per session): a run's
 * {@code started} record gives who, which runbook and query, and when; its {@code finished} record the
 * access key CloudTrail shows. For a window, only records that can matter are read: STS sessions last
 * at most 12 hours, so runs that started more than that before the window cannot appear in it.
 * {@code keyhole drift scan} and the server's scheduled scans share it.
 */
public final class AuditSessions implements SessionLookup {

    static final Duration LONGEST_SESSION = Duration.ofHours(12);

    private final Map<String, KeyholeSession> byId;

    private AuditSessions(Map<String, KeyholeSession> byId) {
        this.byId = byId;
    }

    /** Reads the runs that may have made calls in [{@code since}, {@code until}); nulls are open ends. */
    public static AuditSessions read(AuditStore store, Instant since, Instant until) throws SQLException {
        Map<String, AuditEvent> started = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        Consumer<StoredRecord> add = r -> {
            AuditEvent e = r.event();
            if (e.type() == AuditEvent.Type.STARTED) {
                started.putIfAbsent(e.correlationId(), e);
            } else if (e.type() == AuditEvent.Type.FINISHED && e.get(AuditEvent.Field.ACCESS_KEY_ID) != null) {
                keys.put(e.correlationId(), String.valueOf(e.get(AuditEvent.Field.ACCESS_KEY_ID)));
            }
        };
        if (since == null && until == null) {
            store.forEach(1, add);
        } else {
            store.search(new AuditQuery(null, null, null, null, since == null ? null : since.minus(LONGEST_SESSION),
                    until == null ? null : until.plus(LONGEST_SESSION), null, Integer.MAX_VALUE)).forEach(add);
        }
        Map<String, KeyholeSession> byId = new HashMap<>();
        started.forEach((id, e) -> byId.put(id, new KeyholeSession(id, e.principal(), text(e, AuditEvent.Field.RUNBOOK),
                text(e, AuditEvent.Field.QUERY), e.time(), keys.get(id))));
        return new AuditSessions(byId);
    }

    @Override
    public Optional<KeyholeSession> find(String correlationId) {
        return Optional.ofNullable(correlationId == null ? null : byId.get(correlationId));
    }

    private static String text(AuditEvent e, String field) {
        Object v = e.get(field);
        return v == null ? null : v.toString();
    }
}
