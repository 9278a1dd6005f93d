package dev.keyhole.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter: attempt n waits a random time up to
 * {@code base * 2^(n-1)}, so many clients that failed together do not come back together.
 */
final class Retry {

    /** One try; {@link Again} asks for another. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attempt) throws Again;
    }

    /** A failure worth another try (throttled, gateway unavailable, connection failed). */
    static final class Again extends Exception {
        final KeyholeException last;

        Again(KeyholeException last) {
            super(last.getMessage(), null, false, false);
            this.last = last;
        }
    }

    private final int maxAttempts;
    private final Duration base;

    Retry(int maxAttempts, Duration base) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
    }

    <T> T call(Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (Again again) {
                if (n >= maxAttempts) {
                    throw again.last;
                }
                sleep(n);
            }
        }
    }

    private void sleep(int attempt) {
        long cap = base.toMillis() << Math.min(attempt - 1, 10);
        long wait = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyholeException(0, "interrupted", null, "interrupted while waiting to retry", null, e);
        }
    }
}
