/**
 * Writing a {@link dev.keyhole.drift.classify.DriftReport}: a summary table for people, JSON for
 * programs, SARIF 2.1.0 for code-scanning dashboards, and one self-contained HTML page.
 */
package dev.keyhole.drift.report;
