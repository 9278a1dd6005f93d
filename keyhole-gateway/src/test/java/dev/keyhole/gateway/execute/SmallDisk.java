package dev.keyhole.gateway.execute;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small filesystem of a test's own (a {@code tmpfs} mounted on a temporary folder) that the test can fill
 * to the last byte or turn read-only, and heal again: the disk faults an embedded database meets. Mounting
 * needs root; without it the test is skipped, or fails when {@code CI} is set (CI runs as root).
 */
final class SmallDisk implements AutoCloseable {

    private final Path dir;
    private final Path filler;

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} on a new temporary folder. */
    static SmallDisk mount(int megabytes) throws IOException, InterruptedException {
        if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
            String why = "mounting a small tmpfs to fill needs root; run the tests as root to include this one";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                fail(why + " (CI is set: this test must not be skipped)");
            }
            abort(why);
        }
        Path dir = Files.createTempDirectory("keyhole-small-disk");
        run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString());
        return new SmallDisk(dir);
    }

    /** A path on it. */
    Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Writes a file until the filesystem has no byte left. */
    void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
        byte[] one = new byte[1];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 4096; i++) {
                out.write(one);
                out.flush();
            }
        } catch (IOException e) {
            return; // full to the byte
        }
        throw new IllegalStateException("the tmpfs at " + dir + " still takes writes after filling it");
    }

    /** Frees what {@link #fill()} took. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Remounts it read-only (open files stay open, but no write reaches it), or back read-write. */
    void readOnly(boolean ro) throws IOException, InterruptedException {
        run("mount", "-o", "remount," + (ro ? "ro" : "rw"), dir.toString());
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** Unmounts it (lazily, should anything still hold a file) and removes the folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
        Files.deleteIfExists(dir);
    }
}
