package dev.keyhole.cli.tokens;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.identity.ApiTokens;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keyhole tokens create USER [--name NAME] [--expires P90D]}: the token alone on standard output (so
 * {@code TOKEN=$(keyhole tokens create alice)} works), the warning that it is shown once on standard error.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API token for USER (a user in keyhole.yaml); it is shown once.")
final class CreateCommand extends TokenAction {

    static final Duration LONGEST = Duration.ofDays(366);

    @Parameters(index = "0", paramLabel = "USER", description = "A user named under `users:` in keyhole.yaml.")
    String user;

    @Option(names = "--name", defaultValue = "cli", description = "What the token is for (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--expires", defaultValue = "P90D", paramLabel = "DURATION",
            description = "How long it lives, at most P366D (default ${DEFAULT-VALUE}).")
    Duration ttl;

    @Override
    String problem(KeyholeConfig cfg) {
        if (!cfg.users().containsKey(user)) {
            return "`" + user + "` is not a user in " + (cfg.file() == null ? "the built-in configuration" : cfg.file())
                    + "; add it under `users:` first";
        }
        if (name.isBlank() || name.length() > 64) {
            return "--name must be 1 to 64 characters";
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(LONGEST) > 0) {
            return "--expires must be a positive duration up to P366D, e.g. P90D or PT12H; not `" + ttl + "`";
        }
        return null;
    }

    @Override
    int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err) {
        ApiTokens.Issued t = tokens.create(user, name, ttl);
        out.println(t.token());
        err.println("token " + t.info().id() + " for " + user + " (" + name + ") until " + t.info().expires()
                + "; keyhole keeps only its hash: copy it now, it will not be shown again");
        return ExitCode.OK;
    }
}
