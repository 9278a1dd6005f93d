package dev.keyhole.cli.policy;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.iam.lint.Check;
import dev.keyhole.iam.lint.LintReport;
import dev.keyhole.iam.lint.Located;
import dev.keyhole.iam.lint.PolicyKind;
import dev.keyhole.iam.lint.PolicyLinter;
import dev.keyhole.iam.lint.Suppressions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keyhole policy lint FILE...}: grammar, catalog and least-privilege checks on IAM policy files.
 * Exit 0 when no unsuppressed finding reaches {@code --fail-on}, 2 when one does or a file cannot be read.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check IAM policy files: grammar, known actions and condition keys, and grants wider than they look.",
            "Exit 0 when no finding reaches --fail-on (default warning), 2 when one does or a file cannot be read.",
            "Checks and fixes: docs/policy-lint.md, or --list-checks."})
public final class LintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Policy JSON files.")
    List<Path> files = List.of();

    @Option(names = "--kind", defaultValue = "managed", description = "managed, role-inline, user-inline, "
            + "group-inline, session, trust or resource: which elements and size quota apply (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "JSON: {\"suppressions\": [{\"check\", \"file\", \"pointer\", \"justification\"}]}.")
    Path suppressions;

    @Option(names = "--list-checks", description = "Print every check (id, severity, what, fix) and exit.")
    boolean listChecks;

    @Mixin
    LintOutput output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listChecks) {
            for (Check c : Check.values()) {
                out.println(c.id() + "\t" + c.severity().label() + "\t" + c.summary() + "\tfix: " + c.fix());
            }
            return ExitCode.OK;
        }
        if (files.isEmpty()) {
            err.println("keyhole: give at least one policy file; see --help");
            return ExitCode.INVALID_INPUT;
        }
        String bad = output.invalid();
        PolicyKind policyKind;
        try {
            policyKind = PolicyKind.parse(kind);
        } catch (IllegalArgumentException e) {
            bad = "--kind: " + e.getMessage();
            policyKind = null;
        }
        if (bad != null) {
            err.println("keyhole: " + bad);
            return ExitCode.INVALID_INPUT;
        }
        Suppressions accepted;
        try {
            accepted = suppressions == null ? Suppressions.none() : Suppressions.read(suppressions);
        } catch (NoSuchFileException e) {
            err.println("keyhole: no such file `" + e.getFile() + "`");
            return ExitCode.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        PolicyLinter linter = PolicyLinter.standard();
        List<Located> findings = new ArrayList<>(accepted.problems());
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                err.println("keyhole: no such file `" + file + "`");
                return ExitCode.INVALID_INPUT;
            }
            findings.addAll(accepted.locate(file.toString(), text, linter.lint(text, policyKind)));
        }
        return output.print(new LintReport(findings, files.size()), out);
    }
}
