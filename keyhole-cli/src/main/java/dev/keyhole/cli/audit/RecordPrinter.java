package dev.keyhole.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditEvent.Field;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.Instances;
import dev.keyhole.gateway.audit.StoredRecord;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prints audit records as a table or as JSON lines. A started record whose execution has no finished
 * record shows as {@code running} (its process is alive) or {@code interrupted} (it crashed or was killed).
 */
final class RecordPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "%-6s %-24s %-9s %-36s %-10s %-22s %-10s %-11s %s%n";

    private final PrintWriter out;
    private final boolean json;

    RecordPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void header() {
        if (!json) {
            out.printf(ROW, "SEQ", "TIME", "TYPE", "CORRELATION ID", "PRINCIPAL", "RUNBOOK", "TICKET", "STATUS", "DETAIL");
        }
    }

    /** Prints {@code records}, looking up which started executions have finished. */
    void print(AuditStore store, List<StoredRecord> records, Instant now) throws SQLException {
        List<String> started = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>(records.size());
        for (StoredRecord r : records) {
            AuditEvent e = r.event();
            events.add(e);
            if (e.type() == AuditEvent.Type.STARTED) {
                started.add(e.correlationId());
            }
        }
        Set<String> finished = store.finished(started);
        for (int i = 0; i < records.size(); i++) {
            AuditEvent e = events.get(i);
            String status = status(e, finished, now);
            if (json) {
                ObjectNode n = parse(records.get(i).payload());
                n.put("seq", records.get(i).seq()).put("hash", records.get(i).hash()).put("status", status);
                out.println(n);
            } else {
                out.printf(ROW, records.get(i).seq(), e.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), e.type().word(), e.correlationId(), text(e.principal()),
                        text(e.get(Field.RUNBOOK)), text(e.get(Field.TICKET)), status, detail(e));
            }
        }
        out.flush();
    }

    private static ObjectNode parse(String payload) {
        try {
            return (ObjectNode) JSON.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("audit record is not JSON (run `keyhole audit verify`)", e);
        }
    }

    static String status(AuditEvent e, Set<String> finished, Instant now) {
        return switch (e.type()) {
            case STARTED -> finished.contains(e.correlationId()) ? "finished"
                    : Instances.mayStillRun((String) e.get(Field.INSTANCE), e.time(), now) ? "running" : "interrupted";
            case FINISHED -> String.valueOf(e.get(Field.OUTCOME));
            case REFUSED -> "refused";
            case GRANT, DRIFT -> String.valueOf(e.get(Field.OUTCOME));
        };
    }

    private static String detail(AuditEvent e) {
        if (e.get(Field.ERROR) != null) {
            return String.valueOf(e.get(Field.ERROR));
        }
        if (e.type() == AuditEvent.Type.GRANT) {
            return e.get("action") + " (" + e.get("kind") + " for " + e.get("requester") + ", " + e.get("approvals")
                    + " approvals): " + text(e.get(Field.REASON));
        }
        if (e.type() == AuditEvent.Type.FINISHED && e.get(Field.ITEMS) != null) {
            return e.get(Field.ITEMS) + " item(s), " + e.get(Field.PAGES) + " page(s), " + e.get(Field.DURATION_MS) + " ms";
        }
        return text(e.get(Field.REASON));
    }

    private static String text(Object o) {
        return o == null ? "-" : o.toString();
    }
}
