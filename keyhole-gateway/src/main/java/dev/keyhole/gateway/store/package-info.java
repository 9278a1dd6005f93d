/** keyhole's state database: SQLite embedded or PostgreSQL shared, one schema migrated by Flyway, for the audit log, grants and tokens. */
package dev.keyhole.gateway.store;
