/**
 * Drift: what really happened in AWS against what keyhole allowed. {@code trail} reads CloudTrail
 * records → {@code map} turns each DynamoDB call into the IAM actions it needed → {@code classify}
 * sets them against the audit log and the runbooks → {@code report} writes the findings;
 * {@code privileges} compares what policies allow with what CloudTrail shows was used.
 */
package dev.keyhole.drift;
