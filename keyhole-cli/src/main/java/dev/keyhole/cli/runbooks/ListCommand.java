package dev.keyhole.cli.runbooks;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyhole runbooks list}: the catalog, one runbook a line. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List runbooks: name, target and purpose.")
public final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "examples/runbooks",
            description = "The runbook directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        RunbookLoader.Result r = RunbookDirectory.load(dir, spec.commandLine().getErr());
        if (r == null) {
            return ExitCode.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-28s %-34s %s%n", "RUNBOOK", "TARGET", "DESCRIPTION");
        for (Runbook rb : r.runbooks()) {
            String target = rb.target().table() + (rb.target().index() == null ? "" : "/" + rb.target().index())
                    + " (" + rb.target().region() + ")";
            out.printf("%-28s %-34s %s%n", rb.name(), target, rb.description());
        }
        return r.ok() ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }
}
