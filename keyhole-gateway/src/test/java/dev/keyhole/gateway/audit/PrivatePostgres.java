package dev.keyhole.gateway.audit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of this test's own, made with {@code initdb} in a temporary folder and run with
 * {@code pg_ctl}, so a test may restart it under load without disturbing anyone else's. As root (PostgreSQL
 * refuses to run as root) the folder belongs to {@code postgres} and the commands run through
 * {@code runuser -u postgres}. Without the PostgreSQL binaries the test is skipped, or fails when {@code CI}
 * is set, so CI never passes without it.
 */
final class PrivatePostgres implements AutoCloseable {

    /** Where Debian and Ubuntu install PostgreSQL's server binaries, one folder per major version. */
    private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
    private static final String USER = "keyhole";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** Makes and starts a new cluster on a free port. */
    static PrivatePostgres start() throws IOException, InterruptedException {
        Path bin = binaries().orElse(null);
        if (bin == null) {
            String why = "no PostgreSQL server binaries under " + INSTALLED + " (initdb, pg_ctl); install the "
                    + "postgresql package to run this test";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                fail(why + " (CI is set: this test must not be skipped)");
            }
            abort(why);
        }
        boolean asRoot = "root".equals(ProcessHandle.current().info().user().orElse(""));
        Path dir = Files.createTempDirectory("keyhole-pg");
        if (asRoot) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        PrivatePostgres pg = new PrivatePostgres(bin, dir, freePort(), asRoot);
        pg.run("initdb", "-D", pg.data().toString(), "-U", USER, "--auth=trust", "--no-sync", "-E", "UTF8");
        pg.ctl("start");
        return pg;
    }

    private static Optional<Path> binaries() throws IOException {
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLED)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** The JDBC URL of its {@code postgres} database. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return USER;
    }

    /**
     * Restarts the server the way a crash does ({@code pg_ctl restart -m immediate}: no shutdown checkpoint,
     * connections cut), waiting until it accepts connections again.
     */
    void restartImmediately() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "-t", "60", "-l", dir.resolve("log").toString(),
                "-o", options(), "restart");
    }

    private void ctl(String action) throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-w", "-t", "60", "-l", dir.resolve("log").toString(), "-o", options(),
                action);
    }

    /** Listens on 127.0.0.1 only, with its socket in its own folder. */
    private String options() {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=on";
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out + log());
        }
    }

    private String log() {
        try {
            Path log = dir.resolve("log");
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and removes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
