package dev.keyhole.cli.runbooks;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Example;
import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyhole runbooks show NAME}: everything a runner needs to know before running it. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one runbook: purpose, parameters, queries, access.")
public final class ShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNBOOK")
    String name;

    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "examples/runbooks",
            description = "The runbook directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        RunbookLoader.Result r = RunbookDirectory.load(dir, spec.commandLine().getErr());
        if (r == null) {
            return ExitCode.INVALID_INPUT;
        }
        Optional<Runbook> found = r.runbooks().stream().filter(rb -> rb.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("keyhole: no runbook `" + name + "` in " + dir
                    + "; see `keyhole runbooks list`");
            return ExitCode.INVALID_INPUT;
        }
        Runbook rb = found.get();
        PrintWriter out = spec.commandLine().getOut();
        out.println(rb.name() + " — " + rb.description());
        out.println("owner:   " + rb.owner());
        out.println("target:  " + rb.target().tableArn() + (rb.target().index() == null ? "" : " index "
                + rb.target().index()) + " as " + rb.target().role());
        out.println("runners: " + String.join(", ", rb.access().runners()) + "; ticket "
                + (rb.access().ticketRequired() ? "required" : "optional")
                + (rb.access().ticketPattern() == null ? "" : " (" + rb.access().ticketPattern() + ")")
                + (rb.access().approvals() > 0 ? "; " + rb.access().approvals() + " approval(s) from "
                + String.join(", ", rb.access().approvers()) : "") + "; credentials live " + rb.access().sessionTtl());
        out.println("parameters:");
        for (Parameter p : rb.parameters().values()) {
            out.println("  " + p.name() + " (" + p.type().yaml() + (p.required() ? ", required" : "")
                    + (p.defaultValue() == null ? "" : ", default " + p.defaultValue())
                    + (p.pattern() == null ? "" : ", pattern " + p.pattern()) + ")"
                    + (p.description() == null ? "" : ": " + p.description()));
        }
        out.println("queries:");
        for (QuerySpec q : rb.queries().values()) {
            out.println("  " + q.name() + ": " + q.operation().api()
                    + (q.keyCondition() == null ? "" : " where " + q.keyCondition())
                    + (q.key().isEmpty() ? "" : " key " + q.key())
                    + (q.filter() == null ? "" : " filter " + q.filter())
                    + " returning " + String.join(", ", q.projection()));
        }
        out.println("limits:  " + rb.limits().pageSize() + " items a page, at most " + rb.limits().maxPages()
                + " pages and " + rb.limits().maxItems() + " items");
        for (Example e : rb.examples()) {
            StringBuilder cmd = new StringBuilder("keyhole run " + rb.name());
            e.params().forEach((k, v) -> cmd.append(" --param ").append(k).append('=').append(v));
            out.println("example: " + cmd + " --ticket INC-1" + (e.description() == null ? "" : "   # " + e.description()));
        }
        return ExitCode.OK;
    }
}
