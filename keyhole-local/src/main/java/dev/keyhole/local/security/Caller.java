package dev.keyhole.local.security;

import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.request.Principal;

/**
 * Who a verified request comes from, with the policies that decide what it may do.
 *
 * @param principal the principal as IAM sees it
 * @param policies identity policies, boundary and session policy, prepared
 * @param session the role session, or {@code null} for a long-term key
 */
public record Caller(Principal principal, PolicySet policies, Session session) {}
