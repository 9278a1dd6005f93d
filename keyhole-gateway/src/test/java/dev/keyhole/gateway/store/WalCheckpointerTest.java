package dev.keyhole.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's log reaches the database file in the background, never on a commit. */
class WalCheckpointerTest {

    @TempDir
    Path dir;

    @Test
    void commitsNeverCheckpointAndTheBackgroundDoes() throws Exception {
        Path file = dir.resolve("k.db");
        try (Database db = Database.sqlite(file, Database.Sync.NORMAL)) {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("PRAGMA wal_autocheckpoint")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).as("automatic checkpoints on pool connections").isZero();
            }
            long before = Files.size(file);
            // 3,000 commits of 4 KB each: three times the 1,000 pages at which SQLite would checkpoint on a commit.
            try (Connection c = db.connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO filler (body) VALUES (?)")) {
                    for (int i = 0; i < 3_000; i++) {
                        ps.setBytes(1, new byte[4_096]);
                        ps.executeUpdate();
                    }
                }
            }
            // Only a checkpoint grows the database file itself; with none on the commit path, the checkpointer did it.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (Files.size(file) < before + 10_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(file)).isGreaterThan(before + 10_000_000);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM filler")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(3_000);
            }
        }
    }
}
