package dev.keyhole.iam.request;

import java.util.Locale;
import java.util.Objects;

/**
 * One authorization question: may {@code principal} perform {@code action} on {@code resource}?
 *
 * <p>Built once per request: the constructor adds the principal-derived global keys
 * ({@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:userid}, {@code aws:username},
 * {@code aws:PrincipalType}, {@code aws:PrincipalTag/*}) unless the context already sets them, and
 * keeps the action in lower case for case-insensitive matching.
 *
 * @param principal who asks
 * @param action the IAM action, e.g. {@code dynamodb:Query}
 * @param resource the resource ARN, or {@code *} for actions without a resource
 * @param context the condition keys, principal-derived keys included
 */
public record Request(Principal principal, String action, String resource, RequestContext context) {

    public Request {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = withPrincipalKeys(principal, Objects.requireNonNull(context, "context"));
    }

    /** The action in lower case, for matching. */
    public String actionLower() {
        return action.toLowerCase(Locale.ROOT);
    }

    private static RequestContext withPrincipalKeys(Principal p, RequestContext given) {
        RequestContext.Builder b = given.toBuilder();
        String principalArn = p.type() == PrincipalType.ASSUMED_ROLE ? p.roleArn() : p.arn();
        if (p.type() != PrincipalType.ANONYMOUS && p.type() != PrincipalType.SERVICE) {
            b.putIfAbsent("aws:PrincipalArn", principalArn);
            b.putIfAbsent("aws:PrincipalAccount", p.account());
            b.putIfAbsent("aws:userid", p.id());
        }
        b.putIfAbsent("aws:username", p.userName());
        b.putIfAbsent("aws:PrincipalType", p.type().contextValue());
        p.tags().forEach((k, v) -> b.putIfAbsent("aws:PrincipalTag/" + k, v));
        return b.build();
    }
}
