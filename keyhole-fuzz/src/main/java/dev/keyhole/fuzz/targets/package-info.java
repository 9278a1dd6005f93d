/**
 * The surfaces under fuzzing, one class each: parsers called in-process (runbook YAML, IAM policy JSON and lint,
 * DynamoDB expressions, sealed cursors) and servers over real HTTP (the local engine's DynamoDB JSON 1.0 and STS
 * query protocols, the HTTP API of {@code keyhole serve}). Each turns the rejections its surface documents into a
 * behaviour signature and everything else into a {@link dev.keyhole.fuzz.Finding}.
 */
package dev.keyhole.fuzz.targets;
