package dev.keyhole.gateway.audit;

import java.time.Instant;

/**
 * What to look for in the audit log; null fields match everything.
 *
 * @param correlationId one execution
 * @param ticket runs under this ticket
 * @param principal who ran or tried
 * @param runbook which runbook
 * @param from records at or after this time
 * @param to records before this time
 * @param outcome {@code ok}, {@code failed}, {@code refused} or {@code interrupted} (a started record
 *     with no finish); matched against finished, refused and started records respectively
 * @param limit at most this many records, newest last
 */
public record AuditQuery(String correlationId, String ticket, String principal, String runbook, Instant from,
                         Instant to, String outcome, int limit) {

    public static final java.util.Set<String> OUTCOMES = java.util.Set.of("ok", "failed", "refused", "interrupted");

    public AuditQuery {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("outcome `" + outcome + "` is not one of ok, failed, refused, interrupted");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    /** Everything, up to {@code limit} records. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, limit);
    }
}
