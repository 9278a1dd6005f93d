package dev.keyhole.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Copies an SQLite database's write-ahead log into the database file in the background, so no commit pays for it
 * (the pool's connections have automatic checkpoints turned off).
 *
 * <p>Every {@link #PERIOD} a {@code PASSIVE} checkpoint copies what it can without waiting for any reader or
 * writer; the next commit after a complete one starts the log over. Should the log still have grown past
 * {@link #RESTART_PAGES} (writes that never paused), a {@code RESTART} checkpoint waits for the writers once so the
 * log can start over. A checkpoint only moves committed pages from one file to the other; what a commit made
 * durable stays durable whether it ran or not (<a href="https://www.sqlite.org/wal.html">SQLite: Write-Ahead
 * Logging</a>, "Checkpointing").
 */
final class WalCheckpointer implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(200);

    /** 64 MB of log at SQLite's default 4 KB page. */
    static final int RESTART_PAGES = 16_384;

    private final Database db;
    private final Thread thread;
    private volatile boolean closed;

    private WalCheckpointer(Database db) {
        this.db = db;
        this.thread = Thread.ofPlatform().name("keyhole-sqlite-checkpoint").daemon().unstarted(this::loop);
    }

    static WalCheckpointer start(Database db) {
        WalCheckpointer w = new WalCheckpointer(db);
        w.thread.start();
        return w;
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                continue; // closing
            }
            try {
                if (checkpoint("PASSIVE") > RESTART_PAGES) {
                    checkpoint("RESTART");
                }
            } catch (SQLException | RuntimeException e) {
                // Busy with another process's checkpoint, or closing: the next period tries again.
            }
        }
    }

    /** Runs one checkpoint; the pages in the log before it. */
    private int checkpoint(String mode) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return r.next() ? r.getInt(2) : 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
