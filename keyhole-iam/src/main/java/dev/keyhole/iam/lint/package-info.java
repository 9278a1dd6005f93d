/**
 * Policy text (or a compiled {@link dev.keyhole.iam.policy.Policy}) to findings: grammar, the catalog's
 * actions and keys, and the patterns that widen access; each finding has a check id, a severity, a
 * JSON pointer (and file:line), and a fix. Reports render as text, JSON or SARIF 2.1.0.
 */
package dev.keyhole.iam.lint;
