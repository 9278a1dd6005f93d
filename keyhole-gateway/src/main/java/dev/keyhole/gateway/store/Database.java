package dev.keyhole.gateway.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Where keyhole keeps its state: an embedded SQLite file (one machine, any number of keyhole processes)
 * or a PostgreSQL database (several gateway replicas). Opening one migrates its schema with Flyway.
 * Connections are cheap for SQLite and short-lived for PostgreSQL; callers open one per unit of work.
 */
public final class Database {

    /** How the two databases differ for keyhole. */
    public enum Dialect {
        SQLITE("db/keyhole/sqlite"),
        POSTGRESQL("db/keyhole/postgresql");

        final String migrations;

        Dialect(String migrations) {
            this.migrations = migrations;
        }
    }

    private final Dialect dialect;
    private final String url;
    private final Properties props;
    private final String description;

    private Database(Dialect dialect, String url, Properties props, String description) {
        this.dialect = dialect;
        this.url = url;
        this.props = props;
        this.description = description;
        Flyway.configure()
                .dataSource(url, props.getProperty("user"), props.getProperty("password"))
                .locations("classpath:" + dialect.migrations)
                .table("keyhole_schema_history")
                .load().migrate();
    }

    /** The embedded database in {@code file}, created with its schema when missing. */
    public static Database sqlite(Path file) throws StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Properties p = new Properties();
            // WAL + synchronous FULL: a commit is on disk when it returns; readers never block writers.
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "FULL");
            p.setProperty("busy_timeout", "30000");
            return new Database(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), p, file.toString());
        } catch (java.io.IOException | FlywayException e) {
            throw new StoreException("cannot open `" + file + "`: " + e.getMessage(), e);
        }
    }

    /** The shared database at {@code url} ({@code jdbc:postgresql://host:port/db}). */
    public static Database postgresql(String url, String user, String password) throws StoreException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            return new Database(Dialect.POSTGRESQL, url, p, url);
        } catch (FlywayException e) {
            throw new StoreException("cannot open `" + url + "`: " + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the database lives, for messages (never with a password). */
    public String description() {
        return description;
    }

    /** A new connection in autocommit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, props);
    }

    /**
     * Starts a write transaction on {@code c}. For SQLite it takes the write lock at once ({@code BEGIN
     * IMMEDIATE}) so read-then-write sequences of two processes never interleave; autocommit stays on
     * between transactions so the driver holds no lock while idle. PostgreSQL callers lock rows themselves
     * ({@code SELECT ... FOR UPDATE}).
     */
    public void begin(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
        } else {
            c.setAutoCommit(false);
        }
    }

    public void commit(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
        } else {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Rolls back {@code c}'s transaction; a connection already gone took it with it. */
    public void rollbackQuietly(Connection c) {
        try {
            if (dialect == Dialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                }
            } else {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // nothing to undo on a dead connection
        }
    }

    /** Runs {@code work} in one write transaction on a fresh connection; rolls back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = connect()) {
            begin(c);
            try {
                T result = work.run(c);
                commit(c);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
