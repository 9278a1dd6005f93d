package dev.keyhole.cli.tokens;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.identity.ApiTokens;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keyhole tokens revoke ID}: the token stands for nobody from now on. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token now.")
final class RevokeCommand extends TokenAction {

    @Parameters(index = "0", paramLabel = "ID", description = "The token's id, as `keyhole tokens list` shows it.")
    String id;

    @Override
    int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err) {
        if (!tokens.revoke(id)) {
            err.println("keyhole: no unrevoked token `" + id + "`; see `keyhole tokens list`");
            return ExitCode.INVALID_INPUT;
        }
        out.println("revoked " + id);
        return ExitCode.OK;
    }
}
