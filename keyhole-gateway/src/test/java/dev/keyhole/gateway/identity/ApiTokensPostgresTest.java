package dev.keyhole.gateway.identity;

import dev.keyhole.gateway.audit.PostgresDatabase;
import dev.keyhole.gateway.store.Database;
import org.junit.jupiter.api.AfterAll;

/**
 * API tokens in PostgreSQL: a database of this class's own on the test server ({@link PostgresDatabase}), a
 * schema in it per test, dropped at the end. Skipped without the server, failed without it under CI.
 */
class ApiTokensPostgresTest extends ApiTokensContract {

    private static PostgresDatabase server;

    @Override
    Database open() throws Exception {
        if (server == null) {
            server = PostgresDatabase.create();
        }
        return Database.postgresql(server.newSchema(), server.user(), server.password());
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }
}
