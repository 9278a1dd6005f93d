package dev.keyhole.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files shipped with keyhole (demo runbooks, the demo IAM file) whether keyhole runs from the
 * checkout or elsewhere: a relative path is tried in the working directory, then under
 * {@code $KEYHOLE_ROOT} (set by the launcher), then in the working directory's nearest ancestors.
 */
public final class Shipped {

    private Shipped() {}

    /** {@code relative} in the working directory if it exists there, else under {@code $KEYHOLE_ROOT}. */
    public static Path resolve(Path relative) {
        if (relative.isAbsolute() || Files.exists(relative)) {
            return relative;
        }
        String root = System.getenv("KEYHOLE_ROOT");
        if (root != null) {
            Path p = Path.of(root).resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        // From a directory inside the checkout (a module, docs/): the nearest ancestor that has it.
        Path dir = Path.of("").toAbsolutePath().getParent();
        for (int up = 0; dir != null && up < 3; up++, dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return relative;
    }
}
