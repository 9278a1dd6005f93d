package dev.keyhole.iam.evaluate;

/**
 * How a resource-based policy's {@code Principal} matched the caller, which decides whether its
 * Allow stands on its own. See
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 */
enum Grant {
    /** The statement does not name the caller. */
    NONE,
    /** Names the caller's account: same-account access still needs an identity-based Allow. */
    ACCOUNT,
    /** Names the role behind a role session: limited by the permissions boundary and session policy. */
    ROLE,
    /** Names the caller itself (user, role session, {@code *}): not limited by an implicit deny elsewhere. */
    DIRECT
}
