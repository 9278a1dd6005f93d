package dev.keyhole.gateway.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends events to the chain with group commit: callers block until their record is durable, and
 * records that arrive while a commit is on its way go together in the next one, so throughput grows
 * with concurrency while each acknowledgement still means "on disk".
 *
 * <p>The appending threads commit themselves (leader and followers): an append that finds no commit in
 * flight commits what is queued, its own record included, on its own thread; appends that arrive
 * meanwhile queue and wait; when the commit is done, the leader wakes the records' callers and hands the
 * next batch to the first caller still waiting, which commits it in turn. A lone caller thus never waits for
 * another thread to wake up. One background thread writes a checkpoint when one falls due by time while the
 * log is idle. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {

    /** Most records committed in one transaction. */
    private static final int MAX_BATCH = 2_000;

    /** One caller's record on its way to the store. */
    private static final class Pending {
        final AuditStore.Encoded event;
        final Thread caller = Thread.currentThread();
        volatile boolean done;
        /** Set when a finished leader hands this caller the next batch to commit. */
        volatile boolean leads;
        StoredRecord written;
        Throwable failure;

        Pending(AuditStore.Encoded event) {
            this.event = event;
        }
    }

    private final AuditStore store;
    private final CheckpointPolicy policy;
    private final Clock clock;
    // INVARIANT: `committing` is true while exactly one thread commits; every queued record then has a leader on
    // its way (that thread, or the caller it hands the queue to), so nothing queued is left behind.
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean committing;
    private volatile boolean closed;
    /** Batches committed so far; the checkpointer writes only when this did not move for a whole idle wait. */
    private volatile long batches;
    private final Thread checkpointer;

    public AuditLog(AuditStore store, CheckpointPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.checkpointer = Thread.ofPlatform().name("keyhole-audit-checkpointer").daemon().start(this::checkpointLoop);
    }

    /**
     * Appends {@code e} and returns once it is durable.
     *
     * @throws AuditUnavailableException when it could not be written; the caller must not go ahead
     */
    public StoredRecord append(AuditEvent e) {
        // Encoding happens before any lock, so many callers encode in parallel and the commit only chains.
        Pending p = new Pending(AuditStore.Encoded.of(e));
        boolean leader;
        lock.lock();
        try {
            if (closed) {
                throw new AuditUnavailableException("the audit log is closed", null);
            }
            queue.add(p);
            leader = !committing;
            committing = true;
        } finally {
            lock.unlock();
        }
        if (!leader) {
            awaitTurn(p);
        }
        if (!p.done) {
            lead(p);
        }
        if (p.failure != null) {
            throw new AuditUnavailableException("the audit log `" + store.description() + "` could not write: "
                    + p.failure.getMessage(), p.failure);
        }
        return p.written;
    }

    /**
     * Waits until {@code p} is written (or failed) or handed the next batch. Not interruptible: a caller handed
     * the queue must commit it, or every caller behind it would wait for ever; a commit is short.
     */
    private static void awaitTurn(Pending p) {
        boolean interrupted = false;
        while (!p.done && !p.leads) {
            LockSupport.park(p);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits batches from the queue until {@code mine} is written, then hands the rest to a waiting caller. */
    private void lead(Pending mine) {
        // A driver may abandon a socket read when its thread is interrupted, which would fail a whole batch of
        // other callers' records: the interrupt waits until the commit is done.
        boolean interrupted = Thread.interrupted();
        List<Pending> batch = new ArrayList<>();
        List<AuditStore.Encoded> events = new ArrayList<>();
        try {
            while (true) {
                lock.lock();
                try {
                    for (Pending q; batch.size() < MAX_BATCH && (q = queue.poll()) != null; ) {
                        batch.add(q);
                    }
                } finally {
                    lock.unlock();
                }
                commit(batch, events);
                batch.clear();
                events.clear();
                lock.lock();
                try {
                    Pending next = queue.peek();
                    if (next == null) {
                        committing = false;
                        return;
                    }
                    if (mine.done) {
                        next.leads = true;
                        LockSupport.unpark(next.caller);
                        return;
                    }
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes {@code batch} in one transaction and tells each of its callers how it went. */
    private void commit(List<Pending> batch, List<AuditStore.Encoded> events) {
        for (Pending p : batch) {
            events.add(p.event);
        }
        List<StoredRecord> written = null;
        Throwable failure = null;
        try {
            written = store.appendEncoded(events, policy, clock);
            if (written.size() != batch.size()) {
                failure = new IllegalStateException("the audit store was given " + batch.size()
                        + " records and returned " + written.size());
                written = null;
            }
        } catch (SQLException | RuntimeException | Error e) {
            // INVARIANT: nothing escapes a commit; every caller of the batch is told, or it would wait for ever.
            failure = e;
        }
        batches++;
        Thread self = Thread.currentThread();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (written != null) {
                p.written = written.get(i);
            } else {
                p.failure = failure;
            }
            p.done = true; // publishes written/failure to the caller
            if (p.caller != self) {
                LockSupport.unpark(p.caller);
            }
        }
    }

    public AuditStore store() {
        return store;
    }

    public CheckpointPolicy policy() {
        return policy;
    }

    private void checkpointLoop() {
        long idleWaitMs = Math.max(50, Math.min(1_000, policy.everyTime().toMillis() / 4));
        long seen = -1;
        while (!closed) {
            try {
                Thread.sleep(idleWaitMs);
            } catch (InterruptedException e) {
                continue; // closing
            }
            long now = batches;
            if (now == seen) {
                checkpointWhenIdle();
            }
            seen = now;
        }
    }

    private void checkpointWhenIdle() {
        try {
            store.checkpointIfDue(policy, clock);
        } catch (SQLException | RuntimeException e) {
            // The next append or idle tick tries again; records are already durable without it.
        }
    }

    /** Waits for the commits in flight, signs the head if anything is unsigned, and stops. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        checkpointer.interrupt(); // out of its idle wait
        try {
            checkpointer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Appends admitted before `closed` are queued with a leader on its way; let them finish.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            lock.lock();
            try {
                if (!committing && queue.isEmpty()) {
                    break;
                }
            } finally {
                lock.unlock();
            }
            LockSupport.parkNanos(1_000_000);
        }
        try {
            store.checkpointIfDue(new CheckpointPolicy(policy.signer(), 1, java.time.Duration.ofMillis(1)), clock);
        } catch (SQLException | RuntimeException e) {
            // best effort: the records themselves are durable
        }
        store.close();
    }
}
