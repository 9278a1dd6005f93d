package dev.keyhole.gateway.audit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database of its own on the test PostgreSQL, created when made and dropped on {@link #close()}, so
 * test classes never see each other's rows (the audit log's, the API tokens' and the database settings' tests). Each {@link #newSchema()} is an empty place for one more log.
 *
 * <p>The server comes from {@value #VARIABLE}, a JDBC URL of any database there with {@code user} and
 * {@code password} parameters for a role that may create databases; {@code bin/test} sets it after
 * {@code bin/setup-test-deps} started the server. Without it the test is skipped, or fails when {@code CI}
 * is set, so CI never passes without PostgreSQL.
 */
public final class PostgresDatabase implements AutoCloseable {

    static final String VARIABLE = "KEYHOLE_TEST_POSTGRES";

    private final String server;
    private final String admin;
    private final String name;
    private final String user;
    private final String password;
    private final String options;
    private final AtomicInteger schemas = new AtomicInteger();

    private PostgresDatabase(String server, String admin, String name, String user, String password, String options) {
        this.server = server;
        this.admin = admin;
        this.name = name;
        this.user = user;
        this.password = password;
        this.options = options;
    }

    /** A new, empty database on the server {@value #VARIABLE} names; skips or fails the test without one. */
    public static PostgresDatabase create() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            String why = VARIABLE + " is not set, so there is no PostgreSQL to test the shared audit store against;"
                    + " run the tests with `bin/test`, which starts one";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                fail(why + " (CI is set: these tests must not be skipped)");
            }
            abort(why);
        }
        PostgresDatabase db = parse(url, "keyhole_audit_" + UUID.randomUUID().toString().replace("-", ""));
        db.execute(db.admin, "CREATE DATABASE " + db.name);
        return db;
    }

    /** Splits {@code jdbc:postgresql://host:port/db?user=..&password=..&more} into server, credentials and the rest. */
    private static PostgresDatabase parse(String url, String name) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String server = path.substring(0, path.lastIndexOf('/'));
        Map<String, String> params = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String user = params.remove("user");
        String password = params.remove("password");
        StringBuilder rest = new StringBuilder();
        params.forEach((k, v) -> rest.append(rest.isEmpty() ? "?" : "&").append(k).append('=').append(v));
        return new PostgresDatabase(server, path + rest, name, user, password, rest.toString());
    }

    /** The database's JDBC URL, without credentials. */
    public String url() {
        return server + "/" + name + options;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of a new, empty schema in this database: a connection to it creates its tables there. */
    public String newSchema() {
        String schema = "log_" + schemas.incrementAndGet();
        execute(url(), "CREATE SCHEMA " + schema);
        return url() + (options.isEmpty() ? "?" : "&") + "currentSchema=" + schema;
    }

    private void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot `" + sql + "` on " + url + " as " + user + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, ending whatever connections a killed worker left behind. */
    @Override
    public void close() {
        execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
