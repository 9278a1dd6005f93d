package dev.keyhole.cli.access;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.cli.config.State;
import dev.keyhole.cli.runbooks.RunbookDirectory;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.AccessReport;
import dev.keyhole.gateway.access.GrantAuthorizer;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The part who-can and what-can share: load runbooks and people (the users in {@code keyhole.yaml} and
 * anyone holding a grant), decide every pair with the authorizer runs use, print a table or the JSON matrix.
 */
abstract class AccessQuery implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption configOption;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (the matrix the UI reads).")
    String output;

    @Option(names = "--all", description = "Also show who may not, and why.")
    boolean all;

    /** The pairs to decide, from every runbook and every known principal. */
    abstract List<AccessReport.Cell> cells(AccessReport report, List<Runbook> runbooks, List<Caller> people);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!output.equals("table") && !output.equals("json")) {
            err.println("keyhole: --output must be table or json");
            return ExitCode.INVALID_INPUT;
        }
        KeyholeConfig cfg = configOption.load();
        RunbookLoader.Result loaded = RunbookDirectory.load(cfg.runbooks(), err);
        if (loaded == null || !loaded.ok()) {
            return ExitCode.INVALID_INPUT;
        }
        try (State state = State.open(cfg, Clock.systemUTC(), err)) {
            Set<String> names = new LinkedHashSet<>(cfg.users().keySet());
            state.grants().list(null, null).stream().map(Grant::requester).forEach(names::add);
            List<Caller> people = new ArrayList<>();
            names.forEach(n -> people.add(new Caller(n, cfg.groupsOf(n))));
            List<AccessReport.Cell> cells = cells(new AccessReport(new GrantAuthorizer(state.grants())),
                    loaded.runbooks(), people);
            if (cells == null) {
                return ExitCode.INVALID_INPUT;
            }
            if (output.equals("json")) {
                out.println(AccessReport.json(cells, Instant.now()).toPrettyString());
            } else {
                for (AccessReport.Cell c : cells) {
                    if (c.allowed() || all) {
                        out.printf("%-4s %-12s %-24s %-24s %s%n", c.allowed() ? "yes" : "no", c.principal(), c.runbook(),
                                !c.allowed() ? "-" : c.until() == null ? "while bound" : "until " + c.until(), c.reason());
                    }
                }
            }
            out.flush();
        }
        return ExitCode.OK;
    }
}
