package dev.keyhole.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole audit}: the group of audit log commands. */
@Command(name = "audit", description = "Search, tail, verify and export the audit log.", mixinStandardHelpOptions = true,
        subcommands = {SearchCommand.class, TailCommand.class, VerifyCommand.class, ExportCommand.class,
                PublicKeyCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
