package dev.keyhole.gateway.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * Where one test log lives, in a form a child process can be handed on its command line.
 *
 * @param url {@code jdbc:sqlite:<file>} or a PostgreSQL JDBC URL
 * @param user the PostgreSQL role, empty for SQLite
 * @param password its password, empty for SQLite
 */
record StoreAddress(String url, String user, String password) {

    private static final String SQLITE = "jdbc:sqlite:";

    static StoreAddress sqlite(Path file) {
        return new StoreAddress(SQLITE + file.toAbsolutePath(), "", "");
    }

    /** Opens the store, migrating its schema the first time. */
    AuditStore open() {
        return url.startsWith(SQLITE)
                ? AuditStore.sqlite(Path.of(url.substring(SQLITE.length())))
                : AuditStore.postgresql(url, user, password);
    }

    List<String> args() {
        return List.of(url, user, password);
    }

    /** The address {@link #args()} wrote, from {@code args[at]} on. */
    static StoreAddress fromArgs(String[] args, int at) {
        return new StoreAddress(args[at], args[at + 1], args[at + 2]);
    }
}
