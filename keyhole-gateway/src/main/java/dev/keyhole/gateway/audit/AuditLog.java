package dev.keyhole.gateway.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends events to the chain with group commit: callers block until their record is durable, and
 * records that arrive while a commit is on its way go together in the next one, so throughput grows
 * with concurrency while each acknowledgement still means "on disk".
 *
 * <p>One writer thread per log; it also writes a checkpoint when one falls due by time while the log
 * is idle. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {

    /** Most records committed in one transaction. */
    private static final int MAX_BATCH = 2_000;

    private record Pending(AuditStore.Encoded event, CompletableFuture<StoredRecord> done) {}

    private final AuditStore store;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public AuditLog(AuditStore store, CheckpointPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("keyhole-audit-writer").daemon().start(this::writeLoop);
    }

    /**
     * Appends {@code e} and returns once it is durable.
     *
     * @throws AuditUnavailableException when it could not be written; the caller must not go ahead
     */
    public StoredRecord append(AuditEvent e) {
        if (closed) {
            throw new AuditUnavailableException("the audit log is closed", null);
        }
        // Encoding happens on the caller's thread, so many callers encode in parallel and the writer only chains.
        Pending p = new Pending(AuditStore.Encoded.of(e), new CompletableFuture<>());
        queue.add(p);
        try {
            return p.done.get();
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            throw new AuditUnavailableException("the audit log `" + store.description() + "` could not write: "
                    + cause.getMessage(), cause);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the audit log", ex);
        }
    }

    public AuditStore store() {
        return store;
    }

    public CheckpointPolicy policy() {
        return policy;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        List<AuditStore.Encoded> events = new ArrayList<>(MAX_BATCH);
        long idleWaitMs = Math.max(50, Math.min(1_000, policy.everyTime().toMillis() / 4));
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(idleWaitMs, TimeUnit.MILLISECONDS);
                if (first == null) {
                    checkpointWhenIdle();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Pending p : batch) {
                    events.add(p.event);
                }
                try {
                    List<StoredRecord> written = store.appendEncoded(events, policy, clock);
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).done.complete(written.get(i));
                    }
                } catch (SQLException | RuntimeException e) {
                    for (Pending p : batch) {
                        p.done.completeExceptionally(e);
                    }
                }
            } catch (InterruptedException e) {
                if (closed) {
                    continue;
                }
            } finally {
                batch.clear();
                events.clear();
            }
        }
    }

    private void checkpointWhenIdle() {
        try {
            store.checkpointIfDue(policy, clock);
        } catch (SQLException | RuntimeException e) {
            // The next append or idle tick tries again; records are already durable without it.
        }
    }

    /** Writes what is queued, signs the head if anything is unsigned, and stops. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt(); // out of its idle wait: it drains the queue and stops
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.checkpointIfDue(new CheckpointPolicy(policy.signer(), 1, java.time.Duration.ofMillis(1)), clock);
        } catch (SQLException | RuntimeException e) {
            // best effort: the records themselves are durable
        }
        store.close();
    }
}
