package dev.keyhole.cli.grants;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole grants}: the group of grant commands. */
@Command(name = "grants", description = "Request, approve, deny, revoke and list approvals and exceptions.",
        mixinStandardHelpOptions = true, subcommands = {RequestCommand.class, ApproveCommand.class, DenyCommand.class,
                RevokeCommand.class, ListCommand.class})
public final class GrantsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
