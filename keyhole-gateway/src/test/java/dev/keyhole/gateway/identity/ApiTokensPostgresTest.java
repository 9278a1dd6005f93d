package dev.keyhole.gateway.identity;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.keyhole.gateway.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * API tokens in PostgreSQL: a database of this class's own on the server {@code KEYHOLE_TEST_POSTGRES} names (a
 * JDBC URL with {@code user} and {@code password} of a role that may create databases; {@code bin/test} sets it),
 * a schema in it per test, all dropped at the end. Skipped without the variable, failed without it under CI.
 */
class ApiTokensPostgresTest extends ApiTokensContract {

    private static final String DATABASE = "keyhole_tokens_" + UUID.randomUUID().toString().replace("-", "");
    private static String server;
    private static int schemas;

    @Override
    Database open() throws Exception {
        String url = System.getenv("KEYHOLE_TEST_POSTGRES");
        if (url == null || url.isBlank()) {
            String why = "KEYHOLE_TEST_POSTGRES is not set; run the tests with `bin/test`, which starts PostgreSQL";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            abort(why);
        }
        if (server == null) {
            sql(url, "CREATE DATABASE " + DATABASE);
            server = url;
        }
        String schema = "tokens_" + ++schemas;
        String database = on(server, DATABASE);
        sql(database, "CREATE SCHEMA " + schema);
        return Database.postgresql(database + "&currentSchema=" + schema, null, null);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (server != null) {
            sql(server, "DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
    }

    /** {@code url} with its database (the last path segment) replaced by {@code database}; always with a query. */
    private static String on(String url, String database) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + database + (query < 0 ? "?" : url.substring(query));
    }

    private static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
