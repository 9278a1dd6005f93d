package dev.keyhole.gateway.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Closes the executions a dead gateway left open. A gateway killed mid-run (a crash, {@code kill -9}, a lost
 * machine) leaves a {@code started} record with no {@code finished} one; a gateway starting up appends, for
 * each such execution whose process can no longer be running ({@link Instances#mayStillRun}), a
 * {@code finished} record with outcome {@code interrupted}, chained like any other. Runs of live processes,
 * and of other hosts within {@link Instances#REMOTE_GRACE}, are left alone.
 */
public final class InterruptedRuns {

    /** Fields of the started record that describe the run, not the decision to start it. */
    private static final Set<String> NOT_CARRIED = Set.of(AuditEvent.Field.DECISION, AuditEvent.Field.REASON,
            AuditEvent.Field.INSTANCE, "grant");

    private InterruptedRuns() {}

    /**
     * Appends an {@code interrupted} finish for every execution of a dead process that has none, and returns
     * their correlation ids.
     *
     * @throws AuditUnavailableException when the log cannot be read or written
     */
    public static List<String> recover(AuditLog log, Clock clock) {
        List<StoredRecord> open;
        try {
            open = log.store().unfinished();
        } catch (SQLException e) {
            throw new AuditUnavailableException("cannot look for interrupted runs in `" + log.store().description()
                    + "`: " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        List<String> closed = new ArrayList<>();
        for (StoredRecord r : open) {
            AuditEvent started = r.event();
            String instance = (String) started.get(AuditEvent.Field.INSTANCE);
            if (Instances.mayStillRun(instance, started.time(), now)) {
                continue;
            }
            log.append(finish(started, instance, now));
            closed.add(started.correlationId());
        }
        return closed;
    }

    private static AuditEvent finish(AuditEvent started, String instance, Instant now) {
        AuditEvent.Builder b = AuditEvent.of(AuditEvent.Type.FINISHED, started.correlationId(), now, started.principal());
        started.fields().forEach((k, v) -> {
            if (!NOT_CARRIED.contains(k)) {
                b.with(k, v);
            }
        });
        return b.with(AuditEvent.Field.OUTCOME, "interrupted")
                .with(AuditEvent.Field.REASON, "gateway `" + instance + "` ended before the run finished; closed by `"
                        + Instances.current() + "`")
                .build();
    }
}
