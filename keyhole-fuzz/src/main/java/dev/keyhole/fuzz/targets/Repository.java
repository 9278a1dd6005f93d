package dev.keyhole.fuzz.targets;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the fuzzer runs in: the nearest directory at or above the working directory holding {@code examples/}. */
final class Repository {

    private Repository() {}

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/runbooks"))) {
                return p;
            }
        }
        throw new IllegalStateException("run the fuzzer inside a keyhole checkout: no `examples/runbooks` above "
                + Path.of("").toAbsolutePath());
    }
}
