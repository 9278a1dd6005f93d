package dev.keyhole.cli.policy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole policy}: the group of policy commands. */
@Command(name = "policy", description = "Work with IAM policies: simulate decisions, compile runbooks to policies, lint, diff.",
        mixinStandardHelpOptions = true, subcommands = {SimulateCommand.class, CompileCommand.class, LintCommand.class, DiffCommand.class})
public final class PolicyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
