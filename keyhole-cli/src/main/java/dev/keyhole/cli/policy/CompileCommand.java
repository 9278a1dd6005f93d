package dev.keyhole.cli.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.runbooks.RunbookDirectory;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.runbook.compile.InfrastructureCode;
import dev.keyhole.runbook.compile.RolePolicyCompiler;
import dev.keyhole.runbook.compile.RunbookSchemas;
import dev.keyhole.runbook.compile.SessionPolicyCompiler;
import dev.keyhole.runbook.compile.TrustPolicyCompiler;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.plan.Planner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyhole policy compile}: the IAM that runbooks need, for review and infrastructure as code.
 * Without {@code --session}, the execution role's policy and trust policy for every role the runbooks
 * use; with {@code --session RUNBOOK --param ...}, the session policy one execution would get.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile runbooks to IAM: execution-role and trust policies (IAM JSON, Terraform JSON or "
                + "CloudFormation), or with --session the per-execution session policy."})
public final class CompileCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "examples/runbooks",
            description = "The runbook directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--role", paramLabel = "ARN", description = "Only this execution role (default: every role used).")
    String role;

    @Option(names = "--principal", paramLabel = "ARN", description = "keyhole's own principal, trusted to assume "
            + "execution roles (default: arn:aws:iam::ACCOUNT:user/keyhole in each role's account).")
    String principal;

    @Option(names = "--format", defaultValue = "iam", description = "iam, terraform or cloudformation (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--session", paramLabel = "RUNBOOK", description = "Print the session policy of one execution.")
    String session;

    @Option(names = "--query", description = "With --session: the query (default: the runbook's first).")
    String query;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "With --session: a parameter value.")
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunbookLoader.Result r = RunbookDirectory.load(dir, err);
        if (r == null || !r.ok()) {
            return ExitCode.INVALID_INPUT;
        }
        if (session != null) {
            return session(r.runbooks(), out, err);
        }
        if (!Set.of("iam", "terraform", "cloudformation").contains(format)) {
            err.println("keyhole: --format must be iam, terraform or cloudformation");
            return ExitCode.INVALID_INPUT;
        }
        Set<String> roles = new LinkedHashSet<>();
        r.runbooks().forEach(rb -> roles.add(rb.target().role()));
        if (role != null) {
            if (!roles.contains(role)) {
                err.println("keyhole: no runbook runs as `" + role + "`; roles used: " + roles);
                return ExitCode.INVALID_INPUT;
            }
            roles.retainAll(Set.of(role));
        }
        ObjectNode all = JSON.createObjectNode();
        for (String roleArn : roles) {
            Policy rolePolicy = RolePolicyCompiler.compile(roleArn, r.runbooks());
            String account = roleArn.split(":")[4];
            Policy trust = TrustPolicyCompiler.compile(principal != null ? principal
                    : "arn:aws:iam::" + account + ":user/keyhole");
            ObjectNode doc = switch (format) {
                case "terraform" -> InfrastructureCode.terraform(roleArn, rolePolicy, trust);
                case "cloudformation" -> InfrastructureCode.cloudFormation(roleArn, rolePolicy, trust);
                default -> InfrastructureCode.iam(roleArn, rolePolicy, trust);
            };
            if (roles.size() == 1) {
                out.println(JSON.writeValueAsString(doc));
                return ExitCode.OK;
            }
            all.set(roleArn, doc);
        }
        out.println(JSON.writeValueAsString(all));
        return ExitCode.OK;
    }

    private int session(List<Runbook> runbooks, PrintWriter out, PrintWriter err) {
        Runbook rb = runbooks.stream().filter(x -> x.name().equals(session)).findFirst().orElse(null);
        if (rb == null) {
            err.println("keyhole: no runbook `" + session + "`");
            return ExitCode.INVALID_INPUT;
        }
        QuerySpec q = query == null ? rb.defaultQuery() : rb.queries().get(query);
        if (q == null) {
            err.println("keyhole: runbook `" + rb.name() + "` has no query `" + query + "`");
            return ExitCode.INVALID_INPUT;
        }
        try {
            var bound = Planner.bind(rb, params, Clock.systemUTC());
            var plan = Planner.plan(rb, q, bound);
            Policy p = SessionPolicyCompiler.compile(rb.name(), q.name(), plan, RunbookSchemas.declared(rb),
                    Clock.systemUTC().instant().plus(rb.access().sessionTtl()));
            out.println(PolicyWriter.writePretty(p));
            return ExitCode.OK;
        } catch (Planner.BindException e) {
            e.problems().forEach(m -> err.println("keyhole: " + m));
            return ExitCode.INVALID_INPUT;
        }
    }
}
