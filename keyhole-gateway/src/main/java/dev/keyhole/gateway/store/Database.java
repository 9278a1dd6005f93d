package dev.keyhole.gateway.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Where keyhole keeps its state: an embedded SQLite file (one machine, any number of keyhole processes)
 * or a PostgreSQL database (several gateway replicas). Opening one migrates its schema with Flyway.
 * Connections are cheap for SQLite and short-lived for PostgreSQL; callers open one per unit of work.
 */
public final class Database implements AutoCloseable {

    /**
     * Most pooled connections to an SQLite file. SQLite's calls are native and its busy handler sleeps inside
     * them, so a virtual thread waiting there holds its carrier: at most this many carriers can be held by
     * the store (see keyhole-server's {@code KeyholeServer.VIRTUAL_THREADS}).
     */
    public static final int SQLITE_CONNECTIONS = 8;

    /** How the two databases differ for keyhole. */
    public enum Dialect {
        SQLITE("db/keyhole/sqlite"),
        POSTGRESQL("db/keyhole/postgresql");

        final String migrations;

        Dialect(String migrations) {
            this.migrations = migrations;
        }
    }

    /**
     * When a commit returns. {@code FULL}: on disk (SQLite {@code synchronous=FULL}, PostgreSQL's default
     * {@code synchronous_commit=on}), so it survives a power loss. {@code NORMAL}: handed to the operating system
     * (SQLite {@code synchronous=NORMAL} in WAL mode, PostgreSQL {@code synchronous_commit=off}), so it survives
     * keyhole being killed but the last commits may be lost if the machine itself goes down; it saves one
     * flush to disk per commit on the request path.
     */
    public enum Sync {
        FULL, NORMAL
    }

    private final Dialect dialect;
    private final String description;
    private final HikariDataSource pool;
    /** SQLite only: copies the write-ahead log into the file off the commit path. */
    private WalCheckpointer checkpointer;

    private Database(Dialect dialect, String url, Properties props, String description) {
        this.dialect = dialect;
        this.description = description;
        migrate(url, props);
        // Opening a connection costs a file open (SQLite) or a TLS handshake (PostgreSQL); decisions on the
        // request path (grants, audit search) borrow pooled ones instead.
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setDataSourceProperties(props);
        hc.setMaximumPoolSize(dialect == Dialect.SQLITE ? SQLITE_CONNECTIONS : 16);
        hc.setMinimumIdle(1);
        hc.setPoolName("keyhole-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
        hc.setConnectionTimeout(30_000);
        this.pool = new HikariDataSource(hc);
    }

    /**
     * The migrations this build ships, the same names for both dialects (a test holds this list to the resource
     * folders). A database whose history already has all of them is opened without starting Flyway, which costs
     * about a tenth of a second of class loading and scanning on every command that opens the store.
     */
    static final List<String> MIGRATIONS = List.of("V1__audit_chain.sql", "V2__api_tokens.sql", "V3__grants.sql");

    /** Migrates the schema; retried for SQLite, where processes creating a new file at once collide. */
    private void migrate(String url, Properties props) {
        if (upToDate(url, props)) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Flyway.configure()
                        .dataSource(url, props.getProperty("user"), props.getProperty("password"))
                        .locations("classpath:" + dialect.migrations)
                        .table("keyhole_schema_history")
                // Migrations add independent tables; one that arrives after a later one still applies.
                .outOfOrder(true)
                        .load().migrate();
                return;
            } catch (FlywayException e) {
                // Flyway neither waits on nor retries SQLITE_BUSY(_SNAPSHOT); the losing migration rolled back.
                if (dialect != Dialect.SQLITE || attempt == 20 || !busy(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 50) * attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Whether the schema history at {@code url} records every shipped migration as applied; false on any doubt. */
    static boolean upToDate(String url, Properties props) {
        try (Connection c = java.sql.DriverManager.getConnection(url, props);
             Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT script FROM keyhole_schema_history WHERE success")) {
            java.util.Set<String> applied = new java.util.HashSet<>();
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
            return applied.containsAll(MIGRATIONS);
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Refuses at once a file that is there, not empty, and does not start with SQLite's header
     * (<a href="https://www.sqlite.org/fileformat.html">Database File Format</a>, 1.3): given one, Flyway's schema
     * step retries for about ten seconds before it gives up.
     */
    private static void refuseNonSqlite(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < head.length || !java.util.Arrays.equals(head, SQLITE_HEADER)) {
            throw new StoreException("cannot open `" + file + "`: it is not an SQLite database (it does not start with "
                    + "SQLite's header)", null);
        }
    }

    /**
     * Why opening failed, on one line: the database's own words when there are some (Flyway wraps them in a
     * multi-line report of SQL state and error code), else the first line of the message.
     */
    static String reason(Throwable e) {
        String why = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                why = t.getMessage();
            }
        }
        if (why == null) {
            why = String.valueOf(e.getMessage());
        }
        int nl = why.indexOf('\n');
        return (nl < 0 ? why : why.substring(0, nl)).strip();
    }

    private static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() & 0xff) == 5) { // SQLITE_BUSY, with any extended code
                return true;
            }
        }
        return false;
    }

    /** The embedded database in {@code file}, created with its schema when missing; commits are on disk. */
    public static Database sqlite(Path file) throws StoreException {
        return sqlite(file, Sync.FULL);
    }

    /** The embedded database in {@code file}, created with its schema when missing. */
    public static Database sqlite(Path file, Sync sync) throws StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            refuseNonSqlite(file);
            Properties p = new Properties();
            // WAL: readers never block writers; synchronous FULL: a commit is on disk when it returns.
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", sync.name());
            p.setProperty("busy_timeout", "30000");
            // No checkpoint on the commit path: SQLite's automatic one (every 1,000 pages of log) made the
            // commit that crossed the mark copy the log into the file first, a few milliseconds about once in a
            // hundred runs (keyhole-bench's RunOverhead p99). The WalCheckpointer does it in the background.
            p.setProperty("wal_autocheckpoint", "0");
            Database db = new Database(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), p, file.toString());
            db.checkpointer = WalCheckpointer.start(db);
            return db;
        } catch (java.io.IOException | FlywayException e) {
            throw new StoreException("cannot open `" + file + "`: " + reason(e), e);
        }
    }

    /** The shared database at {@code url} ({@code jdbc:postgresql://host:port/db}); commits are on disk. */
    public static Database postgresql(String url, String user, String password) throws StoreException {
        return postgresql(url, user, password, Sync.FULL);
    }

    /** The shared database at {@code url} ({@code jdbc:postgresql://host:port/db}). */
    public static Database postgresql(String url, String user, String password, Sync sync) throws StoreException {
        Properties p = new Properties();
        if (sync == Sync.NORMAL) {
            p.setProperty("options", "-c synchronous_commit=off");
        }
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            return new Database(Dialect.POSTGRESQL, url, p, url);
        } catch (FlywayException e) {
            throw new StoreException("cannot open `" + url + "`: " + reason(e), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the database lives, for messages (never with a password). */
    public String description() {
        return description;
    }

    /** A connection in autocommit mode, from the pool; the caller closes it (which returns it). */
    public Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /** Closes {@code c} and removes it from the pool for good (the server ended it); never throws. */
    public void discard(Connection c) {
        try {
            pool.evictConnection(c);
        } catch (RuntimeException e) {
            // not one of the pool's (or already gone): closing is all that is left
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // it was dead already
        }
    }

    /** Closes the pool. */
    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        pool.close();
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
