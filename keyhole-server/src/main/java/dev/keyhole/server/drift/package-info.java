/**
 * Drift in the server: scheduled CloudTrail scans against the server's runbooks and audit log, the weekly
 * unused-privileges report, and scans people ask for. Takes {@link dev.keyhole.server.drift.DriftSettings}
 * and the server's services; gives the latest findings and report to the API and the web UI.
 */
package dev.keyhole.server.drift;
