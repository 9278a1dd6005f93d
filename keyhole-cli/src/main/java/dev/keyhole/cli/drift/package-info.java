/**
 * {@code keyhole drift}: CloudTrail against runbooks and the audit log. Also holds what the
 * {@code privileges} commands share with it: reading a trail source and parsing times.
 */
package dev.keyhole.cli.drift;
