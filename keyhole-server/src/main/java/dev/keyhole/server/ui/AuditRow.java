package dev.keyhole.server.ui;

import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.StoredRecord;

/**
 * One audit record as a row of the search results.
 *
 * @param seq its place in the chain
 * @param time when
 * @param type started, finished, refused or grant
 * @param principal who
 * @param runbook which runbook, or empty
 * @param ticket which ticket, or empty
 * @param correlationId the execution (or grant) it belongs to
 * @param result the decision, outcome or grant action, with a started record's status (finished, running, interrupted)
 * @param detail the reason, error or what the execution did
 */
record AuditRow(long seq, String time, String type, String principal, String runbook, String ticket,
                String correlationId, String result, String detail) {

    static AuditRow of(StoredRecord r, String status) {
        AuditEvent e = r.event();
        String result = switch (e.type()) {
            case STARTED -> text(e, AuditEvent.Field.DECISION) + (status == null ? "" : " · " + status);
            case GRANT -> text(e, "action") + " · " + text(e, AuditEvent.Field.OUTCOME);
            default -> text(e, AuditEvent.Field.OUTCOME);
        };
        String detail = switch (e.type()) {
            case FINISHED -> e.get(AuditEvent.Field.ERROR) != null ? text(e, AuditEvent.Field.ERROR)
                    : text(e, AuditEvent.Field.ITEMS) + " items, " + text(e, AuditEvent.Field.PAGES) + " pages";
            default -> text(e, AuditEvent.Field.REASON);
        };
        return new AuditRow(r.seq(), e.time().toString(), e.type().word(), e.principal(), text(e, AuditEvent.Field.RUNBOOK),
                text(e, AuditEvent.Field.TICKET), e.correlationId(), result, detail);
    }

    private static String text(AuditEvent e, String field) {
        Object v = e.get(field);
        return v == null ? "" : v.toString();
    }
}
