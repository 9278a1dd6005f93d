package dev.keyhole.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one input at a time on a worker thread and gives up on it after a timeout, so a hang becomes a
 * {@link Finding.Kind#HANG} naming the input instead of a stuck campaign. A hung worker is abandoned (it is a
 * daemon thread) and a fresh one takes the next input.
 */
final class Watchdog implements AutoCloseable {

    private final Duration timeout;
    private ExecutorService worker = newWorker();

    Watchdog(Duration timeout) {
        this.timeout = timeout;
    }

    /** What {@code work} returned; a {@link Finding} for whatever broke, including a crash or a hang. */
    String run(Callable<String> work) {
        Future<String> f = worker.submit(work);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new Finding(Finding.Kind.HANG, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Finding found ? found : Finding.crash(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fuzzing", e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
