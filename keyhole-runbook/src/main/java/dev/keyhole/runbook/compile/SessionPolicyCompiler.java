package dev.keyhole.runbook.compile;

import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import dev.keyhole.dynamo.iam.TableKeys;
import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.runbook.plan.Plan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The session policy for one execution: allows the planned request and nothing else.
 *
 * <p>It is derived from the same IAM checks the request produces ({@link DynamoIam}), narrowed to:
 * the exact action and table or index ARN; {@code dynamodb:LeadingKeys} equal to the bound partition
 * key, with a {@code Null} guard so a request without the key (a Scan) cannot pass through
 * {@code ForAllValues}; {@code dynamodb:Attributes} limited to the projection (with the same guard), the attributes the key
 * condition and filter read, and the key attributes (which IAM requires); {@code dynamodb:Select}
 * pinned; {@code aws:RequestedRegion} pinned; and an expiry in {@code aws:CurrentTime}, so the policy
 * lapses on its own. See https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 */
public final class SessionPolicyCompiler {

    private SessionPolicyCompiler() {}

    /** The policy for {@code plan}, valid until {@code expires}. */
    public static Policy compile(String runbookName, String queryName, Plan plan, KeySchemaLookup schemas,
                                 Instant expires) {
        String operation = plan.operation().api();
        IamCheck check = DynamoIam.derive(operation, plan.toJson(), plan.region(), plan.account(), schemas).get(0);
        List<Condition> conditions = new ArrayList<>();
        ContextValue leading = check.keys().get("dynamodb:LeadingKeys");
        if (leading != null) {
            conditions.add(new Condition(new ConditionOperator(SetQualifier.FOR_ALL_VALUES, BaseOperator.STRING_EQUALS,
                    false), "dynamodb:LeadingKeys", leading.values()));
        }
        TreeSet<String> attributes = new TreeSet<>(check.keys().get("dynamodb:Attributes").values());
        attributes.remove(DynamoIam.ALL_ATTRIBUTES);
        Optional<TableKeys> keys = schemas.keys(plan.table());
        keys.ifPresent(k -> attributes.addAll(RunbookSchemas.keyAttributes(k, plan.index())));
        conditions.add(new Condition(new ConditionOperator(SetQualifier.FOR_ALL_VALUES, BaseOperator.STRING_EQUALS,
                false), "dynamodb:Attributes", List.copyOf(attributes)));
        ContextValue select = check.keys().get("dynamodb:Select");
        if (select != null) {
            conditions.add(new Condition(ConditionOperator.of(BaseOperator.STRING_EQUALS), "dynamodb:Select",
                    select.values()));
        }
        conditions.add(new Condition(ConditionOperator.of(BaseOperator.STRING_EQUALS), "aws:RequestedRegion",
                List.of(plan.region())));
        if (leading != null) {
            conditions.add(new Condition(ConditionOperator.of(BaseOperator.NULL), "dynamodb:LeadingKeys",
                    List.of("false")));
        }
        // Every read keyhole plans names its attributes; without this guard a request carrying no
        // dynamodb:Attributes would pass the ForAllValues test above (keyhole policy lint: forallvalues-fails-open).
        conditions.add(new Condition(ConditionOperator.of(BaseOperator.NULL), "dynamodb:Attributes", List.of("false")));
        if (expires != null) {
            conditions.add(new Condition(ConditionOperator.of(BaseOperator.DATE_LESS_THAN), "aws:CurrentTime",
                    List.of(expires.truncatedTo(ChronoUnit.SECONDS).toString())));
        }
        Statement s = new Statement(Names.sid("Run", runbookName, queryName), Effect.ALLOW, null,
                Element.of(check.action()), Element.of(check.resource()), conditions);
        return new Policy(Policy.VERSION_2012, null, List.of(s));
    }
}
