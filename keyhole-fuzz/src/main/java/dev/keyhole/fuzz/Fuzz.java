package dev.keyhole.fuzz;

import dev.keyhole.fuzz.targets.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The long-run command: {@code Fuzz --target NAME|all --inputs N [--seed S] [--timeout-ms T] [--findings DIR]},
 * or {@code Fuzz --target NAME --replay FILE} to feed one saved input again.
 * Prints a line per target (inputs, time, inputs per second, distinct behaviours, findings); writes each shrunk
 * finding to {@code DIR/<target>/<sha-256 prefix>.bin} so it can join the regression corpus once fixed. Exit
 * code 0 when nothing was found, 1 when something was, 2 for bad arguments.
 */
public final class Fuzz {

    private Fuzz() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException {
        String target = "all";
        long inputs = 10_000;
        long seed = 1;
        long timeoutMs = 10_000;
        Path findings = Path.of("fuzz-findings");
        Path replay = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--target" -> target = args[i + 1];
                case "--inputs" -> inputs = Long.parseLong(args[i + 1].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--timeout-ms" -> timeoutMs = Long.parseLong(args[i + 1]);
                case "--findings" -> findings = Path.of(args[i + 1]);
                case "--replay" -> replay = Path.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option `" + args[i] + "`; use --target, --inputs, --seed, --timeout-ms, --findings, --replay");
                    return 2;
                }
            }
        }
        if (replay != null) {
            return replay(target, replay, Duration.ofMillis(timeoutMs));
        }
        List<String> names = target.equals("all") ? new ArrayList<>(Targets.names()) : List.of(target);
        int found = 0;
        for (String name : names) {
            if (!Targets.names().contains(name)) {
                System.err.println("no target `" + name + "`; choose one of " + Targets.names() + " or all");
                return 2;
            }
            try (Target t = Targets.start(name)) {
                long total = inputs;
                Path dir = findings.resolve(name);
                Campaign.Report r = new Campaign(t, Duration.ofMillis(timeoutMs), seed).run(inputs,
                        done -> {
                            if (done % 100_000 < 1024) {
                                System.err.printf("%s: %,d / %,d%n", name, done, total);
                            }
                        },
                        f -> System.out.println("  " + f.finding() + "\n    input: " + save(dir, f.input())));
                System.out.printf("%s: %,d inputs in %.1f s (%,.0f/s), %d behaviours, %d findings%n", name, r.inputs(),
                        r.elapsed().toMillis() / 1000.0, r.inputsPerSecond(), r.behaviours(), r.failures().size());
                found += r.failures().size();
            }
        }
        return found == 0 ? 0 : 1;
    }

    /** Feeds one saved input to one target and prints how it behaved or what it broke. */
    private static int replay(String name, Path input, Duration timeout) throws IOException {
        try (Target t = Targets.start(name)) {
            System.out.println(name + ": " + new Campaign(t, timeout, 0).replay(Files.readAllBytes(input)));
            return 0;
        } catch (Finding f) {
            System.out.println(name + ": " + f);
            return 1;
        }
    }

    private static Path save(Path dir, byte[] input) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(HexFormat.of().formatHex(sha256(input), 0, 8) + ".bin"), input);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(input);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
