package dev.keyhole.cli.runbooks;

import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.load.RunbookProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a runbook directory for a command, printing every problem to the command's error stream. */
public final class RunbookDirectory {

    private RunbookDirectory() {}

    /** The load result, or {@code null} (after printing why) when the directory does not exist. */
    public static RunbookLoader.Result load(Path given, PrintWriter err) throws IOException {
        return load(given, err, name -> java.util.Optional.empty());
    }

    /** As {@link #load(Path, PrintWriter)}, with key schemas from DescribeTable where runbooks declare none. */
    public static RunbookLoader.Result load(Path given, PrintWriter err,
            java.util.function.Function<String, java.util.Optional<dev.keyhole.runbook.model.Target.KeySchema>> described)
            throws IOException {
        Path dir = dev.keyhole.cli.config.Shipped.resolve(given);
        if (!Files.isDirectory(dir)) {
            err.println("keyhole: no runbook directory `" + dir + "`; pass --runbooks DIR");
            return null;
        }
        RunbookLoader.Result r = RunbookLoader.loadDirectory(dir, described);
        for (RunbookProblem p : r.problems()) {
            err.println(dir.resolve(p.location().file()).normalize() + ":" + p.location().line() + ":"
                    + p.location().column() + ": " + p.message());
        }
        return r;
    }
}
