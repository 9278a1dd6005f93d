package dev.keyhole.drift.classify;

import java.time.Instant;

/**
 * One keyhole execution as the audit log recorded it.
 *
 * @param correlationId the STS session name
 * @param principal who ran it (the STS source identity)
 * @param runbook the runbook, or {@code null} when the record has none
 * @param query the query, or {@code null} for any query of the runbook
 * @param started when the {@code started} record was written; credentials are minted after it
 * @param accessKeyId the temporary access key id of the {@code finished} record, or {@code null}
 */
public record KeyholeSession(String correlationId, String principal, String runbook, String query, Instant started,
                             String accessKeyId) {}
