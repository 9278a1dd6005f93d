package dev.keyhole.gateway.audit;

/**
 * What {@link AuditVerifier} found.
 *
 * @param ok whether the chain and every checkpoint hold
 * @param records records checked
 * @param checkpoints checkpoints checked
 * @param lastSeq the last record's sequence number (0 when empty)
 * @param lastSigned the last record a valid checkpoint covers (0 when none)
 * @param firstBad the first record that is wrong or missing, or 0 when ok
 * @param problem what is wrong, for people, or {@code null} when ok
 */
public record VerifyReport(boolean ok, long records, int checkpoints, long lastSeq, long lastSigned, long firstBad,
                           String problem) {

    /** Records after the last checkpoint: intact as a chain, but not yet signed. */
    public long unsigned() {
        return lastSeq - lastSigned;
    }
}
