package dev.keyhole.drift.classify;

import java.util.Optional;

/**
 * Finds a keyhole execution by correlation id (= STS session name). The CLI reads the audit store;
 * tests use an in-memory map. Called from many threads.
 */
@FunctionalInterface
public interface SessionLookup {

    /** The execution, or empty when the audit log has none by that id. */
    Optional<KeyholeSession> find(String correlationId);

    /** No audit log: every keyhole session is unaudited. */
    static SessionLookup none() {
        return id -> Optional.empty();
    }
}
