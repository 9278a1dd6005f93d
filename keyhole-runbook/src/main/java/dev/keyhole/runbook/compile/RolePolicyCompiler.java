package dev.keyhole.runbook.compile;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The execution role's own policy: the union of what its runbooks may do, and no more.
 *
 * <p>One Allow per runbook (its actions on its exact table or index ARNs, region pinned), an explicit
 * Deny of Scan everywhere except where a runbook declares one, and an explicit Deny of every write and
 * table-management action, so a mistake in a session policy can never widen access.
 */
public final class RolePolicyCompiler {

    /** DynamoDB actions that change data or tables; denied explicitly for every execution role. */
    static final List<String> WRITE_ACTIONS = List.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete",
            "dynamodb:CreateTable", "dynamodb:UpdateTable", "dynamodb:DeleteTable", "dynamodb:RestoreTable*",
            "dynamodb:ImportTable", "dynamodb:UpdateTimeToLive", "dynamodb:CreateGlobalTable",
            "dynamodb:UpdateGlobalTable*", "dynamodb:PutResourcePolicy", "dynamodb:DeleteResourcePolicy",
            "dynamodb:TagResource", "dynamodb:UntagResource");

    private RolePolicyCompiler() {}

    /** The policy for the runbooks that run under {@code roleArn}. */
    public static Policy compile(String roleArn, List<Runbook> runbooks) {
        List<Statement> statements = new ArrayList<>();
        Set<String> scanResources = new LinkedHashSet<>();
        for (Runbook rb : runbooks) {
            if (!roleArn.equals(rb.target().role())) {
                continue;
            }
            Set<String> actions = new LinkedHashSet<>();
            Set<String> resources = new LinkedHashSet<>();
            for (QuerySpec q : rb.queries().values()) {
                actions.add("dynamodb:" + q.operation().api());
                String index = q.operation() == Operation.GET_ITEM ? null
                        : q.index() != null ? q.index() : rb.target().index();
                String arn = index == null ? rb.target().tableArn() : rb.target().indexArn(index);
                resources.add(arn);
                if (q.operation() == Operation.SCAN) {
                    scanResources.add(arn);
                }
            }
            statements.add(new Statement(Names.sid("Runbook", rb.name()), Effect.ALLOW, null,
                    new Element(List.copyOf(actions), false), new Element(List.copyOf(resources), false),
                    List.of(new Condition(ConditionOperator.of(BaseOperator.STRING_EQUALS), "aws:RequestedRegion",
                            List.of(rb.target().region())))));
        }
        statements.add(new Statement("DenyScanOutsideDeclaredRunbooks", Effect.DENY, null,
                Element.of("dynamodb:Scan"),
                scanResources.isEmpty() ? Element.of("*") : new Element(List.copyOf(scanResources), true),
                List.of()));
        statements.add(new Statement("DenyEveryWrite", Effect.DENY, null,
                new Element(WRITE_ACTIONS, false), Element.of("*"), List.of()));
        return new Policy(Policy.VERSION_2012, null, statements);
    }
}
