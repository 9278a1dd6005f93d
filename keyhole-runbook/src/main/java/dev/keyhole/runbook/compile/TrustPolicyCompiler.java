package dev.keyhole.runbook.compile;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.PrincipalElement;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import java.util.List;
import java.util.Map;

/**
 * The execution role's trust policy: only keyhole's own principal may assume it, only while setting
 * a source identity (the person) and only with keyhole's session tags.
 */
public final class TrustPolicyCompiler {

    /** The session tag keys keyhole sets on every execution. */
    public static final List<String> SESSION_TAG_KEYS = List.of("keyhole-runbook", "keyhole-ticket");

    private TrustPolicyCompiler() {}

    /** The trust policy letting {@code keyholePrincipalArn} assume the role for runs. */
    public static Policy compile(String keyholePrincipalArn) {
        Statement s = new Statement("KeyholeAssumesForRuns", Effect.ALLOW,
                new PrincipalElement(false, false, Map.of("AWS", List.of(keyholePrincipalArn))),
                new Element(List.of("sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"), false), null,
                List.of(new Condition(new ConditionOperator(SetQualifier.FOR_ALL_VALUES, BaseOperator.STRING_EQUALS,
                                false), "aws:TagKeys", SESSION_TAG_KEYS),
                        new Condition(ConditionOperator.of(BaseOperator.STRING_LIKE), "sts:SourceIdentity",
                                List.of("?*"))));
        return new Policy(Policy.VERSION_2012, null, List.of(s));
    }
}
