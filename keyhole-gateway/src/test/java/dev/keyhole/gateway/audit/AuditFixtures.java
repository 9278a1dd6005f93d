package dev.keyhole.gateway.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** The records, checkpoint rhythm and clock the audit tests share. */
final class AuditFixtures {

    /** A checkpoint every ten records; by time only after an hour, which no test waits for. */
    static final int CHECKPOINT_EVERY = 10;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    private AuditFixtures() {}

    static CheckpointPolicy policy(CheckpointSigner signer) {
        return new CheckpointPolicy(signer, CHECKPOINT_EVERY, Duration.ofHours(1));
    }

    /** An ordinary record: alice refused a runbook. */
    static AuditEvent refused(String correlationId, Instant time) {
        return AuditEvent.of(AuditEvent.Type.REFUSED, correlationId, time, "alice")
                .with(AuditEvent.Field.RUNBOOK, "orders-by-customer")
                .with(AuditEvent.Field.REASON, "no grant")
                .build();
    }

    /**
     * Appends {@code records} records one after another through an {@link AuditLog} and closes it. Every
     * tenth is signed, and the first (no checkpoint yet counts as one an hour ago) and the last (the log
     * signs its head on close).
     */
    static void write(StoreAddress where, CheckpointSigner signer, int records) {
        try (AuditLog log = new AuditLog(where.open(), policy(signer), CLOCK)) {
            for (int i = 1; i <= records; i++) {
                log.append(refused("run-" + i, CLOCK.instant()));
            }
        }
    }

    /** The correlation id of every record, by sequence number. */
    static Map<Long, String> correlationIds(AuditStore store) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        store.forEach(1, r -> out.put(r.seq(), r.event().correlationId()));
        return out;
    }

    static Map<String, java.security.PublicKey> trusting(CheckpointSigner signer) {
        return Map.of(signer.keyId(), signer.publicKey());
    }
}
