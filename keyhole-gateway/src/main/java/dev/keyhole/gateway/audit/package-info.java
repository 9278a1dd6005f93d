/**
 * The audit log: events in, a tamper-evident hash chain with signed checkpoints out. Takes
 * {@link dev.keyhole.gateway.audit.AuditEvent}s, gives durable, verifiable, searchable records in an
 * embedded SQLite file or a PostgreSQL database that many gateway processes share.
 */
package dev.keyhole.gateway.audit;
