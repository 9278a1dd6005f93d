package dev.keyhole.gateway.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing that happened, as the audit log records it: an execution started or finished, or an attempt
 * refused. Null fields are left out of the record. Parameters must already be masked: the audit log
 * stores what it is given.
 *
 * @param type what happened
 * @param correlationId the execution's id (the STS session name), shared by its started and finished records
 * @param time when, from the gateway's clock
 * @param principal who asked (the STS source identity)
 * @param fields everything else, by name (see {@link Field}); values are strings, numbers or booleans
 */
public record AuditEvent(Type type, String correlationId, Instant time, String principal, Map<String, Object> fields) {

    /** What an audit record stands for. */
    public enum Type {
        /** Written, durably, before any credential is requested; nothing runs without it. */
        STARTED,
        /** The end of a started execution: its outcome, on success and on every failure. */
        FINISHED,
        /** An attempt keyhole refused before anything ran. */
        REFUSED,
        /** A grant, approval or exception changed (requested, approved, denied, revoked, expired). */
        GRANT,
        /** A drift scan someone asked for (not the scheduled ones): who, and what it found. */
        DRIFT;

        /** The lowercase word used in records and searches. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The names of the optional fields, so writers and searches agree on spelling. */
    public static final class Field {
        public static final String CLIENT_ADDRESS = "clientAddress";
        public static final String USER_AGENT = "userAgent";
        public static final String RUNBOOK = "runbook";
        public static final String RUNBOOK_VERSION = "runbookVersion";
        public static final String GIT_COMMIT = "gitCommit";
        public static final String QUERY = "query";
        public static final String TICKET = "ticket";
        public static final String PARAMETERS = "parameters";
        public static final String DECISION = "decision";
        public static final String REASON = "reason";
        public static final String OUTCOME = "outcome";
        public static final String ITEMS = "items";
        public static final String PAGES = "pages";
        public static final String CONSUMED_CAPACITY = "consumedCapacity";
        public static final String DURATION_MS = "durationMs";
        public static final String ERROR = "error";
        public static final String FAILURE = "failure";
        public static final String SESSION_NAME = "sessionName";
        public static final String SOURCE_IDENTITY = "sourceIdentity";
        public static final String ACCESS_KEY_ID = "accessKeyId";
        public static final String INSTANCE = "instance";

        private Field() {}
    }

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(time, "time");
        Map<String, Object> copy = new TreeMap<>();
        // What people typed (a ticket, a parameter, a reason quoting either) may hold a pasted secret.
        fields.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, dev.keyhole.gateway.identity.Redaction.redactValue(v));
            }
        });
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** A new event with no optional fields yet. */
    public static Builder of(Type type, String correlationId, Instant time, String principal) {
        return new Builder(type, correlationId, time, principal);
    }

    /** The value of an optional field, or {@code null}. */
    public Object get(String field) {
        return fields.get(field);
    }

    /** Collects optional fields; null values are skipped. */
    public static final class Builder {
        private final Type type;
        private final String correlationId;
        private final Instant time;
        private final String principal;
        private final Map<String, Object> fields = new TreeMap<>();

        private Builder(Type type, String correlationId, Instant time, String principal) {
            this.type = type;
            this.correlationId = correlationId;
            this.time = time;
            this.principal = principal;
        }

        public Builder with(String field, Object value) {
            if (value != null) {
                fields.put(field, value);
            }
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(type, correlationId, time, principal, fields);
        }
    }
}
