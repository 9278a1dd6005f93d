package dev.keyhole.cli.runbooks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole runbooks}: the group of runbook commands. */
@Command(name = "runbooks", description = "List, show, lint and diff runbooks.", mixinStandardHelpOptions = true,
        subcommands = {LintCommand.class, ListCommand.class, ShowCommand.class, DiffCommand.class})
public final class RunbooksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
