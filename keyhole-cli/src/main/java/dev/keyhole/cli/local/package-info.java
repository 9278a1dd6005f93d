/** {@code keyhole local}: the embedded DynamoDB-compatible engine with STS and IAM enforcement. */
package dev.keyhole.cli.local;
