package dev.keyhole.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.audit.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database.Sync} reaches the database itself, on every pooled connection: SQLite's
 * {@code PRAGMA synchronous} (2 = FULL, 1 = NORMAL) and PostgreSQL's {@code synchronous_commit}.
 */
class DatabaseSyncTest {

    @TempDir
    Path dir;

    @Test
    void sqliteCommitsReachTheDiskByDefault() throws Exception {
        try (Database db = Database.sqlite(dir.resolve("full.db"))) {
            assertThat(answer(db, "PRAGMA synchronous")).isEqualTo("2");
            assertThat(answer(db, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void sqliteNormalLeavesTheFlushToTheOperatingSystem() throws Exception {
        try (Database db = Database.sqlite(dir.resolve("normal.db"), Database.Sync.NORMAL)) {
            assertThat(answer(db, "PRAGMA synchronous")).isEqualTo("1");
            assertThat(answer(db, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void postgresqlNormalTurnsSynchronousCommitOffAndFullLeavesItOn() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create();
             Database normal = Database.postgresql(pg.newSchema(), pg.user(), pg.password(), Database.Sync.NORMAL);
             Database full = Database.postgresql(pg.newSchema(), pg.user(), pg.password())) {
            assertThat(answer(normal, "SHOW synchronous_commit")).isEqualTo("off");
            assertThat(answer(full, "SHOW synchronous_commit")).isEqualTo("on");
        }
    }

    private static String answer(Database db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
