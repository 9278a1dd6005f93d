package dev.keyhole.gateway.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An {@link AppendWorker} running in its own JVM, on this test's class path, with what it printed so far.
 * Fails the test, with the worker's standard error, when it does not get where it should in time.
 */
final class WorkerProcess implements AutoCloseable {

    // A guard against a hung worker, not a speed limit: eight JVMs starting on a busy two-core machine took over a minute.
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final String name;
    private final Process process;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private WorkerProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        Thread.ofPlatform().daemon().name("read-" + name).start(this::read);
    }

    /**
     * Starts {@code java AppendWorker args}; its standard error goes to {@code stderr}. It does nothing
     * until {@link #go()}, so several can start up side by side and then begin together.
     */
    static WorkerProcess start(String name, List<String> args, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Quick to start: several of these share the machine with the tests, and none runs for long.
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                AppendWorker.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new WorkerProcess(name, p, stderr);
    }

    /** Waits until it is up, then lets it open the log and append. */
    void go() throws IOException, InterruptedException {
        await("ready", l -> l.contains("ready"));
        process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the stream closed under us: the worker is gone, and what it said is in `lines`
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Waits until the printed lines satisfy {@code enough}. */
    synchronized void await(String what, Predicate<List<String>> enough) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!enough.test(lines)) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("worker " + name + " " + (ended ? "ended" : "took over " + PATIENCE)
                        + " before " + what + ", after " + lines.size() + " lines; its stderr:\n" + stderr());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    void awaitAcks(int n) throws InterruptedException {
        await(n + " acks", l -> acks(l).size() >= n);
    }

    /** The correlation id of the started record it printed, once it has. */
    String awaitStarted() throws InterruptedException {
        await("its started record", l -> started(l).isPresent());
        return started(lines).orElseThrow();
    }

    /** Waits for a normal end ({@code done}, status 0). */
    void awaitDone() throws InterruptedException {
        await("done", l -> l.contains("done"));
        assertExit(0, process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) ? process.exitValue() : -1);
    }

    /** Kills it with SIGKILL, which Process.destroyForcibly sends on Linux; returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("worker " + name + " outlived SIGKILL");
        }
        synchronized (this) {
            while (!ended) {
                wait();
            }
        }
        return process.exitValue();
    }

    private void assertExit(int expected, int status) {
        if (status != expected) {
            throw new AssertionError("worker " + name + " ended with status " + status + "; its stderr:\n" + stderr());
        }
    }

    /** Sequence number to correlation id, for every record it said was written. */
    synchronized Map<Long, String> acks() {
        return acks(lines);
    }

    private static Map<Long, String> acks(List<String> lines) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f[0].equals("ack") && out.put(Long.parseLong(f[1]), f[2]) != null) {
                throw new AssertionError("record " + f[1] + " acknowledged twice");
            }
        }
        return out;
    }

    private static Optional<String> started(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("started ")).map(l -> l.substring(8)).findFirst();
    }

    private String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
