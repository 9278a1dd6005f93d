package dev.keyhole.gateway.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * When the chain gets a signed checkpoint: after {@code everyRecords} records, or once {@code everyTime}
 * has passed since the last one and new records exist, whichever comes first.
 */
public record CheckpointPolicy(CheckpointSigner signer, int everyRecords, Duration everyTime) {

    public CheckpointPolicy {
        Objects.requireNonNull(signer, "signer");
        if (everyRecords < 1) {
            throw new IllegalArgumentException("checkpoints need at least one record between them, got " + everyRecords);
        }
        if (everyTime.isNegative() || everyTime.isZero()) {
            throw new IllegalArgumentException("checkpoint interval must be positive, got " + everyTime);
        }
    }

    /** Whether a checkpoint is due at {@code nowMs}, the head being at {@code seq} and the last checkpoint at {@code lastSeq}, {@code lastMs}. */
    boolean due(long seq, long lastSeq, long lastMs, long nowMs) {
        return seq > lastSeq && (seq - lastSeq >= everyRecords || nowMs - lastMs >= everyTime.toMillis());
    }
}
