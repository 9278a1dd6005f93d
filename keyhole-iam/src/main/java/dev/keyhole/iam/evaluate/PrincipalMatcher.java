package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.PrincipalElement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.RequestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches a resource-based policy's {@code Principal}/{@code NotPrincipal} against the caller.
 *
 * <p>A Deny with {@code NotPrincipal} excludes the caller only when every identity of the caller is
 * listed (for a role session: the session ARN, the role ARN and the account), which is why AWS asks
 * for the account ARN beside a user in {@code NotPrincipal}; and it always applies to a caller that has
 * a permissions boundary. See
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
final class PrincipalMatcher {

    private final boolean negated;
    private final boolean anyone;
    private final Set<String> aws = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> federated = new HashSet<>();
    private final Set<String> canonical = new HashSet<>();

    PrincipalMatcher(PrincipalElement e) {
        this.negated = e.negated();
        boolean star = e.wildcard();
        for (var entry : e.byType().entrySet()) {
            for (String id : entry.getValue()) {
                switch (entry.getKey()) {
                    case "AWS" -> {
                        star |= id.equals("*");
                        aws.add(id);
                    }
                    case "Service" -> services.add(id);
                    case "Federated" -> federated.add(id);
                    default -> canonical.add(id);
                }
            }
        }
        this.anyone = star;
    }

    /**
     * How this element names the caller. For {@code NotPrincipal}: a Deny applies unless every identity
     * of the caller is listed, and always to a caller with a permissions boundary; an Allow applies only
     * when none of the caller's identities is listed (the narrower reading, so an exclusion never grants).
     */
    Grant match(Principal p, RequestContext ctx, boolean deny, boolean hasBoundary) {
        if (negated) {
            if (deny) {
                return hasBoundary || !allIdentitiesListed(p) ? Grant.DIRECT : Grant.NONE;
            }
            return anyIdentityListed(p) ? Grant.NONE : Grant.DIRECT;
        }
        if (anyone) {
            return Grant.DIRECT;
        }
        switch (p.type()) {
            case SERVICE:
                return services.contains(p.arn()) ? Grant.DIRECT : Grant.NONE;
            case ANONYMOUS:
                return Grant.NONE;
            default:
                break;
        }
        if (aws.contains(p.arn())) {
            return Grant.DIRECT;
        }
        // Naming the caller itself is the stronger grant (not limited by a boundary or session policy),
        // so every direct way of naming it is checked before its role.
        if (p.id() != null && canonical.contains(p.id())) {
            return Grant.DIRECT;
        }
        ContextValue provider = ctx.getLower("aws:federatedprovider");
        if (provider != null && !provider.isEmpty() && federated.contains(provider.values().get(0))) {
            return Grant.DIRECT;
        }
        if (p.type() == PrincipalType.ASSUMED_ROLE && p.roleArn() != null && aws.contains(p.roleArn())) {
            return Grant.ROLE;
        }
        if (p.account() != null && (aws.contains(p.account()) || aws.contains(p.accountRootArn()))) {
            return p.type() == PrincipalType.ROOT ? Grant.DIRECT : Grant.ACCOUNT;
        }
        return Grant.NONE;
    }

    private boolean anyIdentityListed(Principal p) {
        if (anyone) {
            return true;
        }
        if (p.type() == PrincipalType.SERVICE) {
            return services.contains(p.arn());
        }
        return aws.contains(p.arn()) || (p.roleArn() != null && aws.contains(p.roleArn()))
                || (p.account() != null && (aws.contains(p.account()) || aws.contains(p.accountRootArn())));
    }

    private boolean allIdentitiesListed(Principal p) {
        if (anyone) {
            return true;
        }
        if (p.type() == PrincipalType.SERVICE) {
            return services.contains(p.arn());
        }
        if (p.type() == PrincipalType.ANONYMOUS) {
            return false;
        }
        List<String> ids = p.type() == PrincipalType.ASSUMED_ROLE
                ? java.util.Arrays.asList(p.arn(), p.roleArn())
                : List.of(p.arn());
        for (String id : ids) {
            // An account id stands for the account's root user ARN.
            boolean listed = aws.contains(id)
                    || (p.type() == PrincipalType.ROOT && p.account() != null && aws.contains(p.account()));
            if (id != null && !listed) {
                return false;
            }
        }
        return p.account() == null || p.type() == PrincipalType.ROOT
                || aws.contains(p.account()) || aws.contains(p.accountRootArn());
    }
}
