package dev.keyhole.iam.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A full condition operator such as {@code ForAllValues:StringLikeIfExists}.
 *
 * @param qualifier the set operator prefix, {@link SetQualifier#NONE} when absent
 * @param base the comparison
 * @param ifExists whether the {@code IfExists} suffix is present (a missing key then matches)
 */
public record ConditionOperator(SetQualifier qualifier, BaseOperator base, boolean ifExists) {

    private static final String IF_EXISTS = "IfExists";

    public ConditionOperator {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(base, "base");
    }

    /** A plain operator with no qualifier and no {@code IfExists}. */
    public static ConditionOperator of(BaseOperator base) {
        return new ConditionOperator(SetQualifier.NONE, base, false);
    }

    /** Parses an operator name as written in a policy; empty when IAM would not know it. */
    public static Optional<ConditionOperator> parse(String name) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = name;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.startsWith(q.prefix())) {
                qualifier = q;
                rest = rest.substring(q.prefix().length());
                break;
            }
        }
        boolean ifExists = false;
        BaseOperator base = BaseOperator.fromJson(rest);
        if (base == null && rest.endsWith(IF_EXISTS)) {
            base = BaseOperator.fromJson(rest.substring(0, rest.length() - IF_EXISTS.length()));
            ifExists = base != null;
        }
        return base == null ? Optional.empty() : Optional.of(new ConditionOperator(qualifier, base, ifExists));
    }

    /** The operator's name as written in a policy. */
    public String json() {
        return qualifier.prefix() + base.json() + (ifExists ? IF_EXISTS : "");
    }
}
