package dev.keyhole.gateway.audit;

import static dev.keyhole.gateway.audit.AuditFixtures.CLOCK;
import static dev.keyhole.gateway.audit.AuditFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.audit.AuditStores.Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An audit log over a gateway's life: closing it is quick, so a command that writes one record does not
 * pay a second for it; a PostgreSQL connection dropped under it (a restart, a failover) costs at most the
 * append it broke, not every later one.
 */
class AuditLogLifecycleTest {

    @RegisterExtension
    static final AuditStores STORES = new AuditStores();
    private static final CheckpointSigner SIGNER = CheckpointSigner.generate();

    @Test
    void closeDoesNotSitOutTheWritersIdleWait() throws Exception {
        AuditLog log = new AuditLog(STORES.fresh(Backend.SQLITE).open(), AuditFixtures.policy(SIGNER), CLOCK);
        log.append(refused("run-1", CLOCK.instant()));
        Thread.sleep(100); // the writer is back in its idle wait, a second long under this policy
        long start = System.nanoTime();
        log.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void appendsWorkAgainAfterTheDatabaseDroppedTheConnection() throws Exception {
        StoreAddress where = STORES.fresh(Backend.POSTGRESQL);
        try (AuditLog log = new AuditLog(where.open(), AuditFixtures.policy(SIGNER), CLOCK)) {
            log.append(refused("run-1", CLOCK.instant()));
            try (Connection c = DriverManager.getConnection(where.url(), where.user(), where.password());
                 Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            }
            try {
                log.append(refused("run-2", CLOCK.instant()));
            } catch (AuditUnavailableException lostWithTheConnection) {
                // allowed: its caller was told, and went no further
            }
            StoredRecord after = log.append(refused("run-3", CLOCK.instant()));
            assertThat(after.event().correlationId()).isEqualTo("run-3");
            VerifyReport report = AuditVerifier.verify(log.store(), AuditFixtures.trusting(SIGNER));
            assertThat(report.ok()).as(report.problem()).isTrue();
        }
    }
}
