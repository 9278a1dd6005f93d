package dev.keyhole.drift.privileges;

import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.Map;

/** Asks keyhole's evaluator whether a principal's policies allow one action on one resource. */
final class Grants {

    private Grants() {}

    /** The IAM principal for a user or role ARN. */
    static Principal principal(String kind, String arn) {
        String[] parts = arn.split(":", 6);
        String account = parts.length > 4 ? parts[4] : null;
        return new Principal("user".equals(kind) ? PrincipalType.USER : PrincipalType.ROLE, arn, null, account, Map.of());
    }

    /**
     * Whether {@code set} allows {@code action} on {@code resource}. The region key is set from a
     * concrete ARN; other condition keys are absent, so a grant that depends on them does not count.
     */
    static boolean allows(PolicySet set, Principal principal, String action, String resource) {
        RequestContext.Builder ctx = RequestContext.builder();
        String[] parts = resource.split(":", 6);
        if (parts.length > 3 && !parts[3].isEmpty() && !parts[3].contains("*")) {
            ctx.put("aws:RequestedRegion", parts[3]);
        }
        return set.evaluate(new Request(principal, action, resource, ctx.build())).allowed();
    }
}
