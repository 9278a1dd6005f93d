package dev.keyhole.drift.trail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Log files under a local directory, e.g. a copy of a trail's bucket ({@code aws s3 sync}), or one
 * file. Files are listed in path order so runs are repeatable.
 */
public final class DirectorySource implements TrailSource {

    private final Path root;
    private final Instant since;
    private final Instant until;

    /** Files under {@code root} that may hold records in [{@code since}, {@code until}); nulls are open. */
    public DirectorySource(Path root, Instant since, Instant until) {
        this.root = root;
        this.since = since;
        this.until = until;
    }

    @Override
    public List<TrailFile> files() throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(file(root));
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("`" + root + "` is neither a directory nor a file");
        }
        List<TrailFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString();
                if (LogNames.isLogFile(rel) && LogNames.mayHold(rel, since, until)) {
                    out.add(file(p));
                }
            }
        }
        return out;
    }

    private static TrailFile file(Path p) throws IOException {
        long size = Files.size(p);
        return new TrailFile() {
            @Override
            public String name() {
                return p.toString();
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream openRaw() throws IOException {
                return Files.newInputStream(p);
            }
        };
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
