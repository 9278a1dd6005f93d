package dev.keyhole.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code keyhole serve --config FILE --port 0} in a JVM of its own, on this test's class path, with
 * {@code KEYHOLE_HOME} set: a gateway process a test can drive over HTTP and kill. Its standard error
 * goes to a file, quoted when it does not come up.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("keyhole serving on (http://127\\.0\\.0\\.1:\\d+)");
    private static final long PATIENCE_SECONDS = 60;

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private ServeProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread.ofPlatform().daemon().name("serve-out-" + process.pid()).start(this::read);
    }

    /** Starts the gateway of {@code config}, its state and secrets in {@code home}. */
    static ServeProcess start(Path config, Path home, String name) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path err = home.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--config", config.toString(), "--port", "0").redirectError(err.toFile());
        pb.environment().put("KEYHOLE_HOME", home.toString());
        return new ServeProcess(pb.start(), err);
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
            // the process is gone; what it printed is in `lines`
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Waits until it serves; returns its base URL. */
    synchronized String awaitServing() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (true) {
            for (String line : lines) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("keyhole serve " + (ended ? "ended" : "did not serve within "
                        + PATIENCE_SECONDS + " s") + "; it printed " + lines + " and on stderr:\n" + stderr());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Kills it with SIGKILL (what Process.destroyForcibly sends on Linux); returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("keyhole serve outlived SIGKILL");
        }
        return process.exitValue();
    }

    /** What it wrote to standard error so far. */
    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops it as an operator would (SIGTERM), and waits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
