/** {@code keyhole privileges}: DynamoDB permissions nobody uses, narrowed policies, and writing them to IAM. */
package dev.keyhole.cli.privileges;
