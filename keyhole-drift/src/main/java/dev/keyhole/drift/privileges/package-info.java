/**
 * Unused privileges: takes the account's IAM configuration (the output of
 * {@code aws iam get-account-authorization-details}, or the same through the IAM API) and the DynamoDB
 * calls CloudTrail shows, gives per principal what its policies allow that nobody used, and per policy
 * a narrowed version; {@link dev.keyhole.drift.privileges.PolicyVersions} writes one as a new default
 * policy version and rolls it back.
 */
package dev.keyhole.drift.privileges;
