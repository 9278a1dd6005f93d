package dev.keyhole.gateway.audit;

/**
 * One record as the store holds it.
 *
 * @param seq its place in the chain, from 1, without gaps
 * @param payload the canonical JSON text of the event ({@link CanonicalJson}), hashed exactly as stored
 * @param hash the chain hash after this record, in hex ({@link ChainHash})
 */
public record StoredRecord(long seq, String payload, String hash) {

    /** The event this record holds. */
    public AuditEvent event() {
        return CanonicalJson.decode(payload);
    }
}
