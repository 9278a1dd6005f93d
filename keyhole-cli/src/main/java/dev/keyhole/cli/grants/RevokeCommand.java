package dev.keyhole.cli.grants;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.Grants;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyhole grants revoke ID --reason R}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "End a pending or active grant now (yours, or one you may approve).")
final class RevokeCommand extends GrantAction {

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", required = true)
    String reason;

    @Override
    Grant act(KeyholeConfig cfg, Grants grants, Caller who, PrintWriter out) {
        return grants.revoke(id, who, reason);
    }
}
