package dev.keyhole.iam.evaluate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer to one request, with why.
 *
 * @param outcome allow, implicit deny or explicit deny
 * @param decidedBy the deciding statement: the first matching Deny for an explicit deny, the granting
 *     Allow for an allow; {@code null} for an implicit deny
 * @param noAllowIn for an implicit deny, the policy types that had no matching Allow
 * @param trace what each policy contributed, in evaluation order
 */
public record Decision(Outcome outcome, StatementRef decidedBy, List<PolicyType> noAllowIn, List<TraceStep> trace) {

    public Decision {
        noAllowIn = List.copyOf(noAllowIn);
        trace = List.copyOf(trace);
    }

    /** Whether the request is allowed. */
    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /** One sentence for people, e.g. {@code ImplicitDeny: no matching Allow in sessionPolicy}. */
    public String explain() {
        return switch (outcome) {
            case ALLOW -> "Allow: allowed by " + decidedBy;
            case EXPLICIT_DENY -> "ExplicitDeny: denied explicitly by " + decidedBy;
            case IMPLICIT_DENY -> "ImplicitDeny: no matching Allow in "
                    + noAllowIn.stream().map(PolicyType::label).collect(Collectors.joining(", "));
        };
    }
}
