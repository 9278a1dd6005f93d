package dev.keyhole.cli.tokens;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.identity.ApiTokens;
import dev.keyhole.gateway.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyhole tokens create USER | list [USER] | revoke ID}. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public final class TokensCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the three share: configuration, the database, the command's streams. */
    abstract static class TokenAction implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml",
                description = "Configuration file (default: ${DEFAULT-VALUE}; built-in defaults when absent).")
        Path config;

        abstract int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err);

        @Override
        public Integer call() throws Exception {
            KeyholeConfig cfg = KeyholeConfig.load(config);
            try (Database db = cfg.audit().openDatabase()) {
                int code = act(cfg, new ApiTokens(db, Clock.systemUTC()), spec.commandLine().getOut(),
                        spec.commandLine().getErr());
                spec.commandLine().getOut().flush();
                return code;
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token for USER; it is shown once.")
    static final class Create extends TokenAction {
        @Parameters(index = "0", paramLabel = "USER") String user;
        @Option(names = "--name", defaultValue = "cli", description = "What it is for (default ${DEFAULT-VALUE}).") String name;
        @Option(names = "--expires", defaultValue = "P90D", description = "How long it lives (default ${DEFAULT-VALUE}).")
        Duration ttl;

        @Override
        int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err) {
            if (!cfg.users().containsKey(user)) {
                err.println("keyhole: `" + user + "` is not a user in the configuration; add it under `users:` first");
                return ExitCode.INVALID_INPUT;
            }
            if (ttl.isNegative() || ttl.isZero()) {
                err.println("keyhole: --expires must be positive, e.g. P90D");
                return ExitCode.INVALID_INPUT;
            }
            ApiTokens.Issued t = tokens.create(user, name, ttl);
            out.println(t.token());
            err.println("token " + t.info().id() + " for " + user + " until " + t.info().expires()
                    + "; keyhole keeps only its hash: copy it now, it will not be shown again");
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens extends TokenAction {
        @Parameters(index = "0", arity = "0..1", paramLabel = "USER") String user;

        @Override
        int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err) {
            for (ApiTokens.TokenInfo t : tokens.list(user)) {
                out.printf("%-12s %-10s %-12s created %s  expires %s%s%n", t.id(), t.user(), t.name(), t.created(),
                        t.expires(), t.revoked() == null ? "" : "  REVOKED " + t.revoked());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token now.")
    static final class Revoke extends TokenAction {
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err) {
            if (!tokens.revoke(id)) {
                err.println("keyhole: no live token `" + id + "`; see `keyhole tokens list`");
                return ExitCode.INVALID_INPUT;
            }
            out.println("revoked " + id);
            return ExitCode.OK;
        }
    }
}
