package dev.keyhole.cli.grants;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.Grants;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyhole grants deny ID --reason R}. */
@Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a pending request.")
final class DenyCommand extends GrantAction {

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", required = true)
    String reason;

    @Override
    Grant act(KeyholeConfig cfg, Grants grants, Caller who, PrintWriter out) {
        return grants.deny(id, who, reason);
    }
}
