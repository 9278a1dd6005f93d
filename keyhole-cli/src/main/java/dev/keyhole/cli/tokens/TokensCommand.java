package dev.keyhole.cli.tokens;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole tokens create USER | list [USER] | revoke ID}: API tokens, of which keyhole keeps only hashes. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
        subcommands = {CreateCommand.class, ListCommand.class, RevokeCommand.class})
public final class TokensCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
