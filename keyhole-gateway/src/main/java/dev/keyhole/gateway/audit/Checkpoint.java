package dev.keyhole.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement that the chain had reached record {@code seq} with hash {@code hash} at {@code time}.
 * A verifier holding the public key detects any rewrite of the records up to {@code seq}, and a log that
 * ends before {@code seq} (truncation).
 *
 * @param seq the last record covered
 * @param hash that record's chain hash, in hex
 * @param time when the checkpoint was written
 * @param keyId which key signed it ({@link CheckpointSigner#keyId()})
 * @param signature the Ed25519 signature of {@link #message()}, in base64
 */
public record Checkpoint(long seq, String hash, Instant time, String keyId, String signature) {

    /** The exact bytes signed. */
    public byte[] message() {
        return message(seq, hash, time);
    }

    static byte[] message(long seq, String hash, Instant time) {
        return ("keyhole-audit-checkpoint/1\n" + seq + "\n" + hash + "\n" + time).getBytes(StandardCharsets.UTF_8);
    }
}
