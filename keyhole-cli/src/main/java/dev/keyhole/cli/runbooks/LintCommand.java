package dev.keyhole.cli.runbooks;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.runbook.load.RunbookLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keyhole runbooks lint DIR}: every problem in every runbook, file:line:column; exit 2 on any. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check runbook files; prints every problem as file:line:column and exits 2 if there is any.")
public final class LintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The runbook directory.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        RunbookLoader.Result r = RunbookDirectory.load(dir, spec.commandLine().getErr());
        if (r == null) {
            return ExitCode.INVALID_INPUT;
        }
        if (!r.ok()) {
            spec.commandLine().getErr().println(r.problems().size() + " problem(s) in " + dir);
            return ExitCode.INVALID_INPUT;
        }
        spec.commandLine().getOut().println(r.runbooks().size() + " runbook(s) in " + dir + ": no problems");
        return ExitCode.OK;
    }
}
