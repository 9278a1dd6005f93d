package dev.keyhole.local.security;

import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.Outcome;
import dev.keyhole.iam.evaluate.PolicyType;

/**
 * Words a denial as AWS does, e.g. "User: ARN is not authorized to perform: dynamodb:Query on resource:
 * ARN because no session policy allows the dynamodb:Query action".
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
public final class Denials {

    private Denials() {}

    /** The AccessDenied message for {@code decision}. */
    public static String message(String principalArn, String action, String resource, Decision decision) {
        String head = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource;
        if (decision.outcome() == Outcome.EXPLICIT_DENY) {
            return head + " with an explicit deny in " + article(decision.decidedBy().type());
        }
        PolicyType missing = decision.noAllowIn().isEmpty() ? PolicyType.IDENTITY : decision.noAllowIn().get(0);
        return head + " because no " + name(missing) + " allows the " + action + " action";
    }

    private static String name(PolicyType t) {
        return switch (t) {
            case IDENTITY -> "identity-based policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case RESOURCE -> "resource-based policy";
        };
    }

    private static String article(PolicyType t) {
        return (t == PolicyType.IDENTITY ? "an " : "a ") + name(t);
    }
}
