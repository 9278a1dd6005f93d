package dev.keyhole.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The deployment's secret keys (cursor sealing, masking hashes), created once in keyhole's state
 * directory with owner-only permissions, so cursors and hashes stay valid across runs.
 */
public final class LocalSecrets {

    private LocalSecrets() {}

    /** The 32-byte key stored in {@code dir/name}, created on first use. */
    public static byte[] key(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, HexFormat.of().formatHex(k));
            try {
                Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
        }
        return HexFormat.of().parseHex(Files.readString(f).strip());
    }

    /** keyhole's state directory: {@code $KEYHOLE_HOME}, else {@code ~/.keyhole}. */
    public static Path home() {
        String env = System.getenv("KEYHOLE_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".keyhole");
    }
}
