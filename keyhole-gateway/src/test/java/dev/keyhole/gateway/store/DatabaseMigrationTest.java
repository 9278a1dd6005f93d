package dev.keyhole.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a store migrates what is missing, and skips Flyway only when nothing is. */
class DatabaseMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theShippedListNamesEveryMigrationOfBothDialects() throws Exception {
        for (Database.Dialect d : Database.Dialect.values()) {
            assertThat(scripts(d.migrations)).as(d.name()).containsExactlyElementsOf(Database.MIGRATIONS);
        }
    }

    @Test
    void aNewFileIsNotUpToDateAndIsOnceOpened() {
        Path file = dir.resolve("k.db");
        String url = "jdbc:sqlite:" + file;
        assertThat(Database.upToDate(url, new Properties())).isFalse();
        Database.sqlite(file).close();
        assertThat(Database.upToDate(url, new Properties())).isTrue();
    }

    @Test
    void aStoreWrittenBeforeTheLastMigrationGetsItOnOpening() throws Exception {
        Path file = dir.resolve("old.db");
        Database.sqlite(file).close();
        String url = "jdbc:sqlite:" + file;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            // As a build before grants existed left it.
            st.execute("DROP TABLE grant_approval");
            st.execute("DROP TABLE grant_request");
            st.execute("DELETE FROM keyhole_schema_history WHERE script = 'V3__grants.sql'");
        }
        assertThat(Database.upToDate(url, new Properties())).isFalse();
        Database.sqlite(file).close();
        assertThat(Database.upToDate(url, new Properties())).isTrue();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name IN ('grant_request', 'grant_approval')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInOneLineThatSaysSo() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are notes, not a database\n".repeat(200));
        assertThatThrownBy(() -> Database.sqlite(file)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open `" + file + "`: ")
                .hasMessageContaining("not an SQLite database")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFailureToOpenIsToldInTheDatabasesOwnWordsOnOneLine() {
        Exception wrapped = new RuntimeException("Unable to check whether table exists\n------\nSQL State  : null",
                new java.sql.SQLException("[SQLITE_CANTOPEN] Unable to open the database file", "x", 14));
        assertThat(Database.reason(wrapped)).isEqualTo("[SQLITE_CANTOPEN] Unable to open the database file");
        assertThat(Database.reason(new RuntimeException("first line\nsecond"))).isEqualTo("first line");
    }

    private static List<String> scripts(String folder) throws IOException, URISyntaxException {
        Path p = Path.of(DatabaseMigrationTest.class.getClassLoader().getResource(folder).toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(p)) {
            s.map(f -> f.getFileName().toString()).sorted().forEach(names::add);
        }
        return names;
    }
}
