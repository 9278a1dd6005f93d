package dev.keyhole.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh, empty audit logs in either database for one test class: SQLite files in a temporary folder,
 * PostgreSQL schemas in a {@link PostgresDatabase} made at the first PostgreSQL log. Both go when the class
 * is done. Register with {@code @RegisterExtension static final AuditStores STORES = new AuditStores();}.
 */
final class AuditStores implements AfterAllCallback {

    /** The two databases an audit log can live in. */
    enum Backend { SQLITE, POSTGRESQL }

    private final AtomicInteger logs = new AtomicInteger();
    private Path folder;
    private PostgresDatabase postgres;

    /** Where a new, empty log lives; for PostgreSQL, skips or fails the test when there is no server (see {@link PostgresDatabase}). */
    synchronized StoreAddress fresh(Backend backend) {
        return switch (backend) {
            case SQLITE -> StoreAddress.sqlite(file("log-" + logs.incrementAndGet() + ".db"));
            case POSTGRESQL -> {
                if (postgres == null) {
                    postgres = PostgresDatabase.create();
                }
                yield new StoreAddress(postgres.newSchema(), postgres.user(), postgres.password());
            }
        };
    }

    /** A path in this class's temporary folder. */
    synchronized Path file(String name) {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("keyhole-audit-test");
            }
            return folder.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (folder != null) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            folder = null;
        }
    }
}
