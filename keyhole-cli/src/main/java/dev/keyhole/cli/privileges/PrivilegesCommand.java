package dev.keyhole.cli.privileges;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole privileges}: the group of unused-privilege commands. */
@Command(name = "privileges", mixinStandardHelpOptions = true, subcommands = {UnusedCommand.class, PruneCommand.class},
        description = "Find DynamoDB permissions that CloudTrail shows nobody uses, and narrow the policies that grant them.")
public final class PrivilegesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
