package dev.keyhole.iam.evaluate;

/**
 * What one policy says about one request: its first matching Deny and its first matching Allow, and
 * for a resource-based policy how strongly that Allow names the caller.
 */
final class PolicyMatch {

    CompiledStatement deny;
    CompiledStatement allow;
    Grant grant = Grant.NONE;
}
