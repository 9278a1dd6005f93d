package dev.keyhole.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Feeds a target {@code n} inputs: each a mutation of a corpus entry (the seeds first, unchanged), run under a
 * {@link Watchdog}. An input whose behaviour signature is new joins the corpus, so mutation builds on inputs
 * that reached somewhere new. Each finding is shrunk and reported once per kind and signature of its message.
 * The same seed gives the same inputs, so a short run in the suite is reproducible.
 */
public final class Campaign {

    /** What a campaign did: how many inputs, how long, how many distinct behaviours, what it found. */
    public record Report(String target, long inputs, Duration elapsed, int behaviours, List<Failure> failures) {

        public double inputsPerSecond() {
            return inputs / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    /** A finding with the shrunk input that shows it. */
    public record Failure(Finding finding, byte[] input) {}

    private static final int MAX_INPUT_BYTES = 128 * 1024;
    private static final int MAX_CORPUS = 4_096;
    private static final int MAX_FAILURES = 20;

    private final Target target;
    private final Duration timeout;
    private final long seed;

    public Campaign(Target target, Duration timeout, long seed) {
        this.target = target;
        this.timeout = timeout;
        this.seed = seed;
    }

    /** Runs {@code n} inputs, calling {@code progress} now and then with the number done. */
    public Report run(long n, java.util.function.LongConsumer progress) {
        return run(n, progress, f -> {});
    }

    /** As above, handing each shrunk failure to {@code found} as soon as it is found (a long run saves it then). */
    public Report run(long n, java.util.function.LongConsumer progress, java.util.function.Consumer<Failure> found) {
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random, target.dictionary());
        List<byte[]> corpus = new ArrayList<>(target.seeds());
        int seedCount = corpus.size();
        Set<String> behaviours = new HashSet<>();
        Set<String> reported = new HashSet<>();
        List<Failure> failures = new ArrayList<>();
        long start = System.nanoTime();
        long done = 0;
        try (Watchdog watchdog = new Watchdog(timeout)) {
            for (; done < n && failures.size() < MAX_FAILURES; done++) {
                long i = done;
                byte[] input = i < seedCount ? corpus.get((int) i)
                        : capped(mutator.mutate(corpus.get(random.nextInt(corpus.size())),
                                corpus.get(random.nextInt(corpus.size()))));
                try {
                    String behaviour = watchdog.run(() -> target.run(input));
                    if (behaviours.add(behaviour) && corpus.size() < MAX_CORPUS) {
                        corpus.add(input);
                    }
                } catch (Finding f) {
                    if (reported.add(f.kind() + " " + shape(f.getMessage()))) {
                        Failure failure = new Failure(f, shrink(watchdog, input, f.kind()));
                        failures.add(failure);
                        found.accept(failure);
                    }
                }
                if ((i & 1023) == 1023) {
                    progress.accept(i + 1);
                }
            }
        }
        return new Report(target.name(), done, Duration.ofNanos(System.nanoTime() - start), behaviours.size(), failures);
    }

    /** Replays one input as a test does: its signature, or the {@link Finding} it breaks. */
    public String replay(byte[] input) {
        try (Watchdog watchdog = new Watchdog(timeout)) {
            return watchdog.run(() -> target.run(input));
        }
    }

    private byte[] shrink(Watchdog watchdog, byte[] input, Finding.Kind kind) {
        return new Shrinker(kind == Finding.Kind.HANG ? 20 : 2_000).shrink(input, candidate -> {
            try {
                watchdog.run(() -> target.run(candidate));
                return false;
            } catch (Finding f) {
                return f.kind() == kind;
            }
        });
    }

    private static byte[] capped(byte[] input) {
        return input.length <= MAX_INPUT_BYTES ? input : Mutator.slice(input, 0, MAX_INPUT_BYTES);
    }

    /** A finding's message without its numbers and quoted parts, so one bug is reported once. */
    private static String shape(String message) {
        String m = (message == null ? "" : message).replaceAll("`[^`]*`|\"[^\"]*\"|[0-9]+", "_");
        return m.substring(0, Math.min(120, m.length()));
    }
}
