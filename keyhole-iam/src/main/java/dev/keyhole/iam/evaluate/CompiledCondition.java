package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.OperatorFamily;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.RequestContext;
import java.util.List;
import java.util.Locale;

/**
 * One condition (operator, key, values) compiled for repeated evaluation.
 *
 * <p>Semantics, from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html:
 * <ul>
 *   <li>values are ORed; a negated operator is true when the context value matches none of them;</li>
 *   <li>a missing key (or an empty set) makes a positive operator false and a negated one true;
 *       {@code IfExists} makes any operator true;</li>
 *   <li>{@code ForAllValues}: true for a missing key or empty set, else every context value must pass;
 *       {@code ForAnyValue}: false for a missing key, else at least one context value must pass;</li>
 *   <li>without a qualifier, a multivalued key passes a positive operator when any value matches,
 *       and a negated operator when none does;</li>
 *   <li>a context value of the wrong type (a non-number for {@code Numeric*}) makes the condition false;</li>
 *   <li>a policy variable with no value matches nothing: positive operators are false for it, negated
 *       ones true.</li>
 * </ul>
 */
final class CompiledCondition {

    private final String lowerKey;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final boolean negated;
    private final boolean isNull;
    private final boolean nullWantsTrue;
    private final boolean nullWantsFalse;
    private final PolicyValues values;

    CompiledCondition(Condition c, boolean variables) {
        BaseOperator base = c.operator().base();
        this.lowerKey = c.key().toLowerCase(Locale.ROOT);
        this.qualifier = c.operator().qualifier();
        this.ifExists = c.operator().ifExists();
        this.negated = base.negated();
        this.isNull = base.family() == OperatorFamily.NULL;
        this.nullWantsTrue = c.values().stream().anyMatch("true"::equalsIgnoreCase);
        this.nullWantsFalse = c.values().stream().anyMatch("false"::equalsIgnoreCase);
        boolean vars = variables && base.acceptsVariables();
        List<Template> templates = c.values().stream().map(v -> Template.parse(v, vars)).toList();
        this.values = switch (base.family()) {
            case STRING -> StringValues.compile(base, templates);
            case ARN -> ArnValues.compile(templates);
            case NUMERIC -> NumericValues.compile(base, c.values());
            case DATE -> DateValues.compile(base, c.values());
            case BOOL -> BoolValues.compile(c.values());
            case BINARY -> BinaryValues.compile(c.values());
            case IP_ADDRESS -> IpValues.compile(c.values());
            case NULL -> null;
        };
    }

    boolean test(RequestContext ctx) {
        ContextValue cv = ctx.getLower(lowerKey);
        boolean missing = cv == null || cv.isEmpty();
        if (isNull) {
            if (missing) {
                return nullWantsTrue || ifExists;
            }
            return nullWantsFalse;
        }
        if (missing) {
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> ifExists;
                case NONE -> ifExists || negated;
            };
        }
        PolicyValues bound = values.bind(ctx);
        List<String> vs = cv.values();
        int n = vs.size();
        // Without a qualifier: any matching value decides; with ForAnyValue: any value passing the
        // (possibly negated) test; with ForAllValues: every value passing it.
        boolean anyMatched = false;
        boolean anyPass = false;
        boolean allPass = true;
        for (int i = 0; i < n; i++) {
            int m = bound.match(vs.get(i));
            if (m == PolicyValues.INVALID) {
                return false;
            }
            boolean matched = m == PolicyValues.MATCH;
            boolean pass = matched != negated;
            anyMatched |= matched;
            anyPass |= pass;
            allPass &= pass;
        }
        return switch (qualifier) {
            case NONE -> anyMatched != negated;
            case FOR_ANY_VALUE -> anyPass;
            case FOR_ALL_VALUES -> allPass;
        };
    }

}
