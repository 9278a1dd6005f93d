package dev.keyhole.cli.runbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.policy.DiffPrinter;
import dev.keyhole.iam.diff.AccessDiff;
import dev.keyhole.iam.diff.DiffResult;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.runbook.compile.RolePolicyCompiler;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.load.RunbookProblem;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keyhole runbooks diff --base REF [DIR]}: for each runbook in the working tree, does its share
 * of the execution role's policy allow anything it did not allow at {@code REF}? For review in CI.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"For each runbook, does the execution-role policy it compiles to allow any request it did not "
                + "allow at the git revision --base? Prints a witness request per runbook that gained access.",
            "Exit 0 no new access, 3 new access, 1 a search bound hit without an answer (or git failed), "
                + "2 invalid runbooks or flags."})
public final class DiffCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "examples/runbooks",
            description = "The runbook directory, inside a git checkout (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base", required = true, paramLabel = "GIT_REF", description = "The revision to compare with, "
            + "e.g. origin/main.")
    String base;

    @picocli.CommandLine.Mixin
    dev.keyhole.cli.policy.DiffOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.invalid() != null) {
            err.println("keyhole: " + options.invalid());
            return ExitCode.INVALID_INPUT;
        }
        RunbookLoader.Result now = RunbookDirectory.load(dir, err);
        if (now == null || !now.ok()) {
            return ExitCode.INVALID_INPUT;
        }
        RunbookLoader.Result then;
        try {
            then = GitRunbooks.load(dev.keyhole.cli.config.Shipped.resolve(dir), base);
        } catch (GitRunbooks.GitException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.FAILED;
        }
        for (RunbookProblem p : then.problems()) {
            err.println("keyhole: at " + base + ": " + p.location().file() + ":" + p.location().line() + ": " + p.message());
        }
        Map<String, Runbook> before = then.runbooks().stream().collect(Collectors.toMap(Runbook::name, Function.identity(),
                (a, b) -> a));
        AccessDiff diff = AccessDiff.withBound(options.maxEvaluations());
        int exit = ExitCode.OK;
        ArrayNode results = JSON.createArrayNode();
        for (Runbook rb : now.runbooks()) {
            Runbook old = before.get(rb.name());
            Policy after = RolePolicyCompiler.compile(rb.target().role(), List.of(rb));
            // A runbook that is new, or now runs as another role, had no access under this role before.
            List<Policy> oldPolicies = old == null || !old.target().role().equals(rb.target().role()) ? List.of()
                    : List.of(RolePolicyCompiler.compile(old.target().role(), List.of(old)));
            long start = System.nanoTime();
            DiffResult r = diff.compare(oldPolicies, List.of(after));
            long millis = (System.nanoTime() - start) / 1_000_000;
            String label = rb.name() + (old == null ? " (new runbook)" : "");
            if (options.json()) {
                ObjectNode o = DiffPrinter.json(label, r, List.of(), millis);
                o.set("policy", PolicyWriter.toTree(after));
                results.add(o);
            } else {
                printText(out, label, r, after, millis);
            }
            int code = DiffPrinter.exitCode(r);
            exit = code == ExitCode.DENIED || exit == ExitCode.DENIED ? ExitCode.DENIED : Math.max(exit, code);
        }
        if (options.json()) {
            out.println(JSON.writeValueAsString(results));
        }
        return exit;
    }

    private static void printText(PrintWriter out, String label, DiffResult r, Policy after, long millis)
            throws Exception {
        if (r.witness().isPresent()) {
            out.println(label + ": NEW ACCESS: " + r.witness().get().describe());
            ObjectNode c = JSON.createObjectNode();
            c.put("name", label);
            c.set("request", r.witness().get().requestJson());
            c.putArray("identityPolicies").add(PolicyWriter.toTree(after));
            out.println("  confirm (Allow): keyhole policy simulate --cases - <<'EOF'");
            out.println("  " + JSON.writeValueAsString(c));
            out.println("  EOF");
        } else if (r.boundHit()) {
            out.println(label + ": undecided: stopped at " + r.evaluated() + " of " + r.space() + " requests");
        } else {
            out.println(label + ": no new access");
        }
        out.println("  searched " + r.evaluated() + " of " + r.space() + " request(s) in " + millis + " ms");
    }
}
