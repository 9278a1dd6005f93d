package dev.keyhole.gateway.identity;

import dev.keyhole.gateway.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** API tokens in the embedded database. */
class ApiTokensSqliteTest extends ApiTokensContract {

    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.sqlite(dir.resolve("keyhole.db"));
    }
}
