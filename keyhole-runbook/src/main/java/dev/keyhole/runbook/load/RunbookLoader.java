package dev.keyhole.runbook.load;

import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.yaml.Location;
import dev.keyhole.runbook.yaml.YamlNode;
import dev.keyhole.runbook.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads runbook files, reporting every problem at once with file:line:column. A file with any
 * problem yields no runbook: nothing half-checked is ever run.
 */
public final class RunbookLoader {

    private RunbookLoader() {}

    /**
     * What loading found.
     *
     * @param runbooks the runbooks that had no problem, by file order
     * @param problems every problem in every file
     */
    public record Result(List<Runbook> runbooks, List<RunbookProblem> problems) {
        public Result {
            runbooks = List.copyOf(runbooks);
            problems = List.copyOf(problems);
        }

        /** Whether nothing was wrong. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Loads one file's text; {@code file} names it in locations. */
    public static Result load(String file, String text) {
        return load(file, text, name -> java.util.Optional.empty());
    }

    /**
     * Loads one file's text, checking names against {@code described} key schemas (read from the live
     * table with DescribeTable) for a runbook that does not declare {@code target.keys}.
     */
    public static Result load(String file, String text,
                              java.util.function.Function<String, java.util.Optional<dev.keyhole.runbook.model.Target.KeySchema>> described) {
        Problems problems = new Problems();
        YamlNode root;
        try {
            root = YamlReader.read(file, text);
        } catch (YamlReader.SyntaxError e) {
            return new Result(List.of(), List.of(new RunbookProblem(e.location(), e.getMessage())));
        }
        Runbook rb = new RunbookReader(problems).read(root, file, sha256(text));
        if (rb != null && rb.target() != null && rb.target().keys() == null && rb.target().table() != null) {
            var keys = described.apply(rb.target().table());
            if (keys.isPresent()) {
                var t = rb.target();
                rb = new Runbook(rb.name(), rb.description(), rb.owner(), rb.examples(),
                        new dev.keyhole.runbook.model.Target(t.account(), t.region(), t.table(), t.index(), t.role(),
                                keys.get()), rb.parameters(), rb.queries(), rb.limits(), rb.masking(), rb.access(),
                        rb.source(), rb.contentHash());
            }
        }
        if (rb != null && problems.isEmpty()) {
            new RunbookChecks(problems, root).check(rb);
        }
        return problems.isEmpty() ? new Result(List.of(rb), List.of()) : new Result(List.of(), problems.list());
    }

    /** Loads every {@code .yaml}/{@code .yml} file under {@code dir}; names must be unique. */
    public static Result loadDirectory(Path dir) throws IOException {
        return loadDirectory(dir, name -> java.util.Optional.empty());
    }

    /** As {@link #loadDirectory(Path)}, with key schemas read from the live tables where not declared. */
    public static Result loadDirectory(Path dir,
            java.util.function.Function<String, java.util.Optional<dev.keyhole.runbook.model.Target.KeySchema>> described)
            throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
        List<Runbook> runbooks = new ArrayList<>();
        List<RunbookProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path f : files) {
            String rel = dir.relativize(f).toString();
            Result r = load(rel, Files.readString(f, StandardCharsets.UTF_8), described);
            problems.addAll(r.problems());
            for (Runbook rb : r.runbooks()) {
                String other = seen.putIfAbsent(rb.name(), rel);
                if (other != null) {
                    problems.add(new RunbookProblem(new Location(rel, 1, 1), "runbook name `" + rb.name()
                            + "` is already used by " + other + "; names must be unique"));
                } else {
                    runbooks.add(rb);
                }
            }
        }
        return new Result(runbooks, problems);
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
