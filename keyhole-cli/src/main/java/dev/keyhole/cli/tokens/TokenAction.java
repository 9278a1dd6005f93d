package dev.keyhole.cli.tokens;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.identity.ApiTokens;
import dev.keyhole.gateway.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What every token command does around its one action: load the configuration, refuse bad input (exit 2) before
 * touching the state database, then open it ({@code audit:} in keyhole.yaml), act, and close it.
 */
abstract class TokenAction implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption configOption;

    /** What is wrong with the arguments, or {@code null}. */
    String problem(KeyholeConfig cfg) {
        return null;
    }

    /** The action; returns the exit code. */
    abstract int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err) throws Exception;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KeyholeConfig cfg = configOption.load();
        String problem = problem(cfg);
        if (problem != null) {
            err.println("keyhole: " + problem);
            return ExitCode.INVALID_INPUT;
        }
        try (Database db = cfg.audit().openDatabase()) {
            int code = act(cfg, new ApiTokens(db, Clock.systemUTC()), out, err);
            out.flush();
            return code;
        }
    }
}
