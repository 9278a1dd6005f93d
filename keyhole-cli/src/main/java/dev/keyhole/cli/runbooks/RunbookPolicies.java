package dev.keyhole.cli.runbooks;

import dev.keyhole.iam.lint.PolicyKind;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.runbook.compile.RolePolicyCompiler;
import dev.keyhole.runbook.compile.RunbookSchemas;
import dev.keyhole.runbook.compile.SessionPolicyCompiler;
import dev.keyhole.runbook.compile.TrustPolicyCompiler;
import dev.keyhole.runbook.model.Example;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.plan.Planner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The policies keyhole compiles from runbooks, for the linter: each runbook's share of its role's
 * policy, each role's trust policy, and the session policy of each runbook example.
 */
final class RunbookPolicies {

    /**
     * One compiled policy.
     *
     * @param runbook the runbook it comes from ({@code null} for a role's trust policy)
     * @param what which policy, for people, e.g. {@code role policy}
     * @param policy the policy
     * @param kind where IAM uses it
     */
    record Compiled(Runbook runbook, String what, Policy policy, PolicyKind kind) {}

    private RunbookPolicies() {}

    static List<Compiled> of(List<Runbook> runbooks, Clock clock) {
        List<Compiled> out = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        for (Runbook rb : runbooks) {
            roles.add(rb.target().role());
            out.add(new Compiled(rb, "role policy", RolePolicyCompiler.compile(rb.target().role(), List.of(rb)),
                    PolicyKind.ROLE_INLINE));
            for (int i = 0; i < rb.examples().size(); i++) {
                Example e = rb.examples().get(i);
                QuerySpec q = e.query() == null ? rb.defaultQuery() : rb.queries().get(e.query());
                if (q == null) {
                    continue;
                }
                try {
                    var plan = Planner.plan(rb, q, Planner.bind(rb, e.params(), clock));
                    out.add(new Compiled(rb, "session policy of example " + (i + 1),
                            SessionPolicyCompiler.compile(rb.name(), q.name(), plan, RunbookSchemas.declared(rb),
                                    clock.instant().plus(rb.access().sessionTtl())), PolicyKind.SESSION));
                } catch (Planner.BindException ex) {
                    // an example that does not bind is the runbook checks' business, not the policy linter's
                }
            }
        }
        for (String role : roles) {
            String account = role.split(":")[4];
            Runbook first = runbooks.stream().filter(rb -> rb.target().role().equals(role)).findFirst().orElseThrow();
            out.add(new Compiled(first, "trust policy of `" + role + "`",
                    TrustPolicyCompiler.compile("arn:aws:iam::" + account + ":user/keyhole"), PolicyKind.TRUST));
        }
        return out;
    }
}
