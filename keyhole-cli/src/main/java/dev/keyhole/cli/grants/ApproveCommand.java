package dev.keyhole.cli.grants;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.Grants;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keyhole grants approve ID}. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending request (never your own).")
final class ApproveCommand extends GrantAction {

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    Grant act(KeyholeConfig cfg, Grants grants, Caller who, PrintWriter out) {
        return grants.approve(id, who);
    }
}
