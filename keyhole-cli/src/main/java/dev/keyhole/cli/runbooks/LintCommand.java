package dev.keyhole.cli.runbooks;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.iam.lint.Finding;
import dev.keyhole.iam.lint.LintReport;
import dev.keyhole.iam.lint.Located;
import dev.keyhole.iam.lint.PolicyLinter;
import dev.keyhole.iam.lint.Suppressions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code keyhole runbooks lint DIR}: every problem in every runbook, file:line:column, then the policy
 * linter on every policy the runbooks compile to (role, trust, and each example's session policy);
 * exit 2 on any runbook problem or policy finding at or above {@code --fail-on}.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check runbook files and the IAM policies they compile to; prints every problem as "
                + "file:line:column and exits 2 if there is any (policy findings: at or above --fail-on)."})
public final class LintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The runbook directory.")
    Path dir;

    @picocli.CommandLine.Option(names = "--describe", description = "For runbooks without `target.keys`, read "
            + "the key schema with DescribeTable (endpoint and credentials from keyhole.yaml or --access-key).")
    boolean describe;

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml")
    Path config;

    @picocli.CommandLine.Option(names = "--access-key", paramLabel = "ID:SECRET",
            description = "Credentials for DescribeTable (default: keyhole.yaml's, else the SDK's default chain).")
    String accessKey;

    @picocli.CommandLine.Option(names = "--suppressions", paramLabel = "FILE",
            description = "Accepted policy findings, each with a justification (see `keyhole policy lint --help`).")
    Path suppressions;

    @picocli.CommandLine.Mixin
    dev.keyhole.cli.policy.LintOutput output;

    @Override
    public Integer call() throws Exception {
        String bad = output.invalid();
        if (bad != null) {
            spec.commandLine().getErr().println("keyhole: " + bad);
            return ExitCode.INVALID_INPUT;
        }
        RunbookLoader.Result r;
        if (describe) {
            dev.keyhole.cli.config.KeyholeConfig cfg = dev.keyhole.cli.config.KeyholeConfig.load(config);
            String id = accessKey == null ? cfg.accessKeyId() : accessKey.split(":", 2)[0];
            String secret = accessKey == null ? cfg.secretAccessKey() : accessKey.split(":", 2)[1];
            try (TableSchemas schemas = new TableSchemas(cfg, id, secret)) {
                r = RunbookDirectory.load(dir, spec.commandLine().getErr(), schemas);
            }
        } else {
            r = RunbookDirectory.load(dir, spec.commandLine().getErr());
        }
        if (r == null) {
            return ExitCode.INVALID_INPUT;
        }
        if (!r.ok()) {
            spec.commandLine().getErr().println(r.problems().size() + " problem(s) in " + dir);
            return ExitCode.INVALID_INPUT;
        }
        Suppressions accepted;
        try {
            accepted = suppressions == null ? Suppressions.none() : Suppressions.read(suppressions);
        } catch (java.nio.file.NoSuchFileException e) {
            spec.commandLine().getErr().println("keyhole: no such file `" + e.getFile() + "`");
            return ExitCode.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        Path root = dev.keyhole.cli.config.Shipped.resolve(dir);
        PolicyLinter linter = PolicyLinter.standard();
        List<Located> findings = new ArrayList<>(accepted.problems());
        List<RunbookPolicies.Compiled> compiled = RunbookPolicies.of(r.runbooks(), Clock.systemUTC());
        for (RunbookPolicies.Compiled c : compiled) {
            String file = root.resolve(c.runbook().source()).normalize().toString();
            for (Finding f : linter.lint(c.policy(), c.kind())) {
                Finding placed = new Finding(f.check(), f.pointer(), c.what() + ": " + f.message(), f.fix());
                findings.add(new Located(file, placed, 1, 1, accepted.justification(file, placed)));
            }
        }
        LintReport report = new LintReport(findings, compiled.size());
        if (report.findings().isEmpty() && output.format().equals("text")) {
            spec.commandLine().getOut().println(r.runbooks().size() + " runbook(s) in " + dir + ": no problems; "
                    + compiled.size() + " compiled policies: no findings");
            return ExitCode.OK;
        }
        return output.print(report, spec.commandLine().getOut());
    }
}
