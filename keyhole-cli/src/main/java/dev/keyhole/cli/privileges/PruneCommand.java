package dev.keyhole.cli.privileges;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.drift.privileges.PolicyVersions;
import dev.keyhole.drift.privileges.UnusedReport;
import dev.keyhole.iam.parse.PolicyWriter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * {@code keyhole privileges prune}: shows the narrowed customer-managed policies, writes them with
 * {@code --apply} as new default versions (the previous default is kept), and puts the previous one
 * back with {@code --rollback}.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Narrow customer-managed policies to what CloudTrail shows was used (dry run unless --apply), "
                + "or restore the previous version with --rollback.")
public final class PruneCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    UsageInputs inputs;

    @Option(names = "--policy", paramLabel = "ARN", description = "Only this managed policy (repeatable); required with --rollback.")
    List<String> policies;

    @Option(names = "--apply", description = "Write each narrowed policy as its new default version.")
    boolean apply;

    @Option(names = "--rollback", description = "Make the version before the current default the default again.")
    boolean rollback;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rollback) {
            if (policies == null || policies.isEmpty() || apply) {
                err.println("keyhole: --rollback needs --policy ARN and no --apply");
                return ExitCode.INVALID_INPUT;
            }
            try (IamClient iam = inputs.iam()) {
                PolicyVersions versions = new PolicyVersions(iam);
                for (String arn : policies) {
                    PolicyVersions.RolledBack r = versions.rollback(arn);
                    out.println("policy " + arn + ": " + r.to() + " is the default again (was " + r.from() + ")");
                }
            } catch (IllegalStateException | IamException e) {
                err.println("keyhole: " + e.getMessage());
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        }
        Optional<String> missing = inputs.missing();
        if (missing.isPresent()) {
            err.println("keyhole: " + missing.get());
            return ExitCode.INVALID_INPUT;
        }
        UnusedReport report = inputs.analyze(err);
        List<UnusedReport.Proposal> chosen = report.proposals().stream()
                .filter(p -> policies == null || policies.contains(p.policy())).toList();
        if (chosen.isEmpty()) {
            out.println("nothing to narrow: every policy grants only what was used");
            return ExitCode.OK;
        }
        int failures = 0;
        try (IamClient iam = apply ? inputs.iam() : null) {
            PolicyVersions versions = apply ? new PolicyVersions(iam) : null;
            for (UnusedReport.Proposal p : chosen) {
                if (!p.customerManaged() || p.nothingUsed()) {
                    out.println("policy " + p.policy() + ": not written — " + (p.nothingUsed()
                            ? "nothing it grants in DynamoDB was used; detach it" : "only customer-managed policies have versions"));
                    continue;
                }
                if (!apply) {
                    out.println("policy " + p.policy() + " would become (dry run; --apply writes it):");
                    out.println(PolicyWriter.writePretty(p.narrowed()).indent(2).stripTrailing());
                    continue;
                }
                try {
                    PolicyVersions.Applied a = versions.apply(p.policy(), p.narrowed());
                    out.println("policy " + p.policy() + ": " + a.newVersion() + " is the default now; " + a.previousDefault()
                            + " kept for --rollback" + (a.deleted() == null ? "" : "; deleted the oldest version " + a.deleted()
                            + " to stay within IAM's " + PolicyVersions.MAX_VERSIONS));
                } catch (IamException e) {
                    failures++;
                    err.println("keyhole: policy " + p.policy() + ": " + e.awsErrorDetails().errorMessage());
                }
            }
        }
        return failures == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
