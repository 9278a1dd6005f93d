package dev.keyhole.cli.runbooks;

import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Finds one runbook by name in a directory, telling the user why when it cannot. */
public final class RunbookLookup {

    private RunbookLookup() {}

    /** The runbook, or {@code null} after printing why (missing directory or name). */
    public static Runbook find(Path dir, String name, PrintWriter err) throws IOException {
        RunbookLoader.Result loaded = RunbookDirectory.load(dir, err);
        if (loaded == null) {
            return null;
        }
        Runbook rb = loaded.runbooks().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (rb == null) {
            err.println("keyhole: no runbook `" + name + "` in " + dir + "; see `keyhole runbooks list`");
        }
        return rb;
    }
}
