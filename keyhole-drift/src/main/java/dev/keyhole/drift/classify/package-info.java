/**
 * Classification: takes DynamoDB events with their IAM checks, the runbooks and the audit log's
 * sessions, gives a {@link dev.keyhole.drift.classify.Verdict} per event and aggregated
 * {@link dev.keyhole.drift.classify.Finding}s in a {@link dev.keyhole.drift.classify.DriftReport}.
 */
package dev.keyhole.drift.classify;
