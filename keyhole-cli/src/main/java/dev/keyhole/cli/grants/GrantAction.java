package dev.keyhole.cli.grants;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.Callers;
import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.cli.config.State;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.GrantException;
import dev.keyhole.gateway.grants.Grants;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every grant command does around its one action: load the configuration, open keyhole's state as the
 * calling user, report a refused action (exit 3) or bad input (exit 2) in one line, close everything.
 */
abstract class GrantAction implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption configOption;

    /** The action, as {@code who}; returns the grant it changed or made, or {@code null} when it printed its own output. */
    abstract Grant act(KeyholeConfig cfg, Grants grants, Caller who, PrintWriter out) throws Exception;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KeyholeConfig cfg = configOption.load();
        try (State state = State.open(cfg, Clock.systemUTC(), err)) {
            Grant g = act(cfg, state.grants(), Callers.current(cfg), out);
            if (g != null) {
                out.println(GrantLines.describe(g, state.grants().stateNow(g)));
            }
            out.flush();
            return ExitCode.OK;
        } catch (GrantException e) {
            err.println("keyhole: refused: " + e.getMessage());
            return ExitCode.DENIED;
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
    }
}
