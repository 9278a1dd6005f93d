/**
 * Prepared policies to decisions: {@link dev.keyhole.iam.evaluate.PolicySet} compiles policies once
 * (wildcards, ARNs, condition values, a statement index) and decides many requests, each with a trace.
 */
package dev.keyhole.iam.evaluate;
