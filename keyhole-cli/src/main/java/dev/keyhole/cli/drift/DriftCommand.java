package dev.keyhole.cli.drift;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole drift}: the group of drift commands. */
@Command(name = "drift", mixinStandardHelpOptions = true, subcommands = ScanCommand.class,
        description = "Compare what CloudTrail shows happened in DynamoDB with what runbooks and the audit log explain.")
public final class DriftCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
