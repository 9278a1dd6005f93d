package dev.keyhole.fuzz;

import java.util.function.Predicate;

/**
 * Makes a failing input small: removes chunks (halves, then quarters, down to single bytes) as long as the
 * input still fails the same way, in the manner of delta debugging. Bounded by a number of attempts, so a slow
 * target (a hang takes its whole timeout per attempt) still ends.
 */
final class Shrinker {

    private final int maxAttempts;

    Shrinker(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The smallest input found that {@code stillFails}; {@code input} itself if nothing smaller does. */
    byte[] shrink(byte[] input, Predicate<byte[]> stillFails) {
        byte[] best = input;
        int attempts = 0;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && attempts < maxAttempts; chunk /= 2) {
            boolean progress = true;
            while (progress && attempts < maxAttempts) {
                progress = false;
                for (int from = 0; from + chunk <= best.length && attempts < maxAttempts; ) {
                    byte[] candidate = Mutator.remove(best, from, chunk);
                    attempts++;
                    if (stillFails.test(candidate)) {
                        best = candidate;
                        progress = true;
                    } else {
                        from += chunk;
                    }
                }
            }
        }
        return best;
    }
}
