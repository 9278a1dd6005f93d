package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.parse.PolicyProblem;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies that apply to one principal, prepared once and asked many times.
 *
 * <p>Decides as https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * describes for one account: a matching Deny in any policy wins; otherwise the request is allowed
 * when an identity-based policy allows it and so do the permissions boundary and the session policy
 * (each only when present), or when the resource-based policy grants it to the caller directly
 * (then no implicit deny elsewhere limits it) or to the role behind the caller's session (then the
 * boundary and session policy still do). A resource-based policy that names only the caller's account
 * delegates to identity-based policies. Across accounts both sides must allow.
 *
 * <p>Thread-safe and immutable: build once, call {@link #evaluate} from any number of threads.
 */
public final class PolicySet {

    private final List<PreparedPolicy> identity;
    private final PreparedPolicy boundary;
    private final PreparedPolicy session;
    private final PreparedPolicy resource;

    private PolicySet(List<PreparedPolicy> identity, PreparedPolicy boundary, PreparedPolicy session,
                      PreparedPolicy resource) {
        this.identity = identity;
        this.boundary = boundary;
        this.session = session;
        this.resource = resource;
    }

    /** A builder for a new set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same identity policies and boundary with another session policy (or none). */
    public PolicySet withSessionPolicy(Policy sessionPolicy) {
        PreparedPolicy s = null;
        if (sessionPolicy != null) {
            Builder.check(PolicyType.SESSION, sessionPolicy);
            s = new PreparedPolicy(PolicyType.SESSION, PolicyType.SESSION.label(), sessionPolicy);
        }
        return new PolicySet(identity, boundary, s, resource);
    }

    /** The same policies with another resource-based policy (or none), e.g. a role's trust policy. */
    public PolicySet withResourcePolicy(Policy resourcePolicy) {
        PreparedPolicy r = null;
        if (resourcePolicy != null) {
            Builder.check(PolicyType.RESOURCE, resourcePolicy);
            r = new PreparedPolicy(PolicyType.RESOURCE, PolicyType.RESOURCE.label(), resourcePolicy);
        }
        return new PolicySet(identity, boundary, session, r);
    }

    /** Decides one request. */
    public Decision evaluate(Request request) {
        String action = ActionNames.lower(request.action());
        Arn arn = new Arn(request.resource());
        List<TraceStep> trace = new ArrayList<>(identity.size() + 3);

        PolicyMatch identityAllow = null;
        for (PreparedPolicy p : identity) {
            PolicyMatch m = p.match(request, action, arn, boundary != null);
            if (m.deny != null) {
                return explicitDeny(m, p, trace);
            }
            trace.add(step(p, m));
            if (identityAllow == null && m.allow != null) {
                identityAllow = m;
            }
        }
        PolicyMatch b = null;
        PolicyMatch s = null;
        PolicyMatch r = null;
        for (PreparedPolicy p : new PreparedPolicy[] {boundary, session, resource}) {
            if (p == null) {
                continue;
            }
            PolicyMatch m = p.match(request, action, arn, boundary != null);
            if (m.deny != null) {
                return explicitDeny(m, p, trace);
            }
            trace.add(step(p, m));
            if (p == boundary) {
                b = m;
            } else if (p == session) {
                s = m;
            } else {
                r = m;
            }
        }
        boolean boundaryOk = boundary == null || b.allow != null;
        boolean sessionOk = session == null || s.allow != null;
        Grant grant = r == null ? Grant.NONE : r.grant;
        if (crossAccount(request, arn)) {
            if (identityAllow != null && boundaryOk && sessionOk && grant != Grant.NONE) {
                return allow(identityAllow.allow.ref, trace);
            }
        } else {
            if (identityAllow != null && boundaryOk && sessionOk) {
                return allow(identityAllow.allow.ref, trace);
            }
            if (grant == Grant.DIRECT || (grant == Grant.ROLE && boundaryOk && sessionOk)) {
                return allow(r.allow.ref, trace);
            }
        }
        List<PolicyType> missing = new ArrayList<>(3);
        boolean resourceGrants = grant == Grant.DIRECT || grant == Grant.ROLE;
        if (identityAllow == null && !resourceGrants) {
            missing.add(PolicyType.IDENTITY);
        }
        if (!boundaryOk) {
            missing.add(PolicyType.PERMISSIONS_BOUNDARY);
        }
        if (!sessionOk) {
            missing.add(PolicyType.SESSION);
        }
        if (missing.isEmpty()) {
            // Cross-account: the identity side allowed but the resource policy did not.
            missing.add(identityAllow == null ? PolicyType.IDENTITY : PolicyType.RESOURCE);
        }
        return new Decision(Outcome.IMPLICIT_DENY, null, missing, trace);
    }

    private static boolean crossAccount(Request request, Arn arn) {
        String principalAccount = request.principal().account();
        if (!arn.valid || principalAccount == null) {
            return false;
        }
        String resourceAccount = arn.text.substring(arn.starts[4], arn.ends[4]);
        return !resourceAccount.isEmpty() && !resourceAccount.equals(principalAccount);
    }

    private static TraceStep step(PreparedPolicy p, PolicyMatch m) {
        return m.allow == null
                ? new TraceStep(p.type, p.label, null, "none")
                : new TraceStep(p.type, p.label, m.allow.ref, "allow");
    }

    private static Decision explicitDeny(PolicyMatch m, PreparedPolicy p, List<TraceStep> trace) {
        trace.add(new TraceStep(p.type, p.label, m.deny.ref, "deny"));
        return new Decision(Outcome.EXPLICIT_DENY, m.deny.ref, List.of(), trace);
    }

    private static Decision allow(StatementRef by, List<TraceStep> trace) {
        return new Decision(Outcome.ALLOW, by, List.of(), trace);
    }

    /** Collects and checks the policies; {@link #build} prepares them. */
    public static final class Builder {
        private final List<PreparedPolicy> identity = new ArrayList<>();
        private PreparedPolicy boundary;
        private PreparedPolicy session;
        private PreparedPolicy resource;

        /** Adds an identity-based policy, labelled {@code identity[N]}. */
        public Builder identity(Policy policy) {
            return identity("identity[" + identity.size() + "]", policy);
        }

        /** Adds an identity-based policy under a label of the caller's choosing (e.g. its name). */
        public Builder identity(String label, Policy policy) {
            check(PolicyType.IDENTITY, policy);
            identity.add(new PreparedPolicy(PolicyType.IDENTITY, label, policy));
            return this;
        }

        /** Sets the permissions boundary. */
        public Builder permissionsBoundary(Policy policy) {
            check(PolicyType.PERMISSIONS_BOUNDARY, policy);
            boundary = policy == null ? null
                    : new PreparedPolicy(PolicyType.PERMISSIONS_BOUNDARY, PolicyType.PERMISSIONS_BOUNDARY.label(), policy);
            return this;
        }

        /** Sets the session policy passed when the session was created. */
        public Builder sessionPolicy(Policy policy) {
            check(PolicyType.SESSION, policy);
            session = policy == null ? null : new PreparedPolicy(PolicyType.SESSION, PolicyType.SESSION.label(), policy);
            return this;
        }

        /** Sets the resource-based policy of the resource being accessed. */
        public Builder resourcePolicy(Policy policy) {
            check(PolicyType.RESOURCE, policy);
            resource = policy == null ? null : new PreparedPolicy(PolicyType.RESOURCE, PolicyType.RESOURCE.label(), policy);
            return this;
        }

        /** The prepared, immutable set. */
        public PolicySet build() {
            return new PolicySet(List.copyOf(identity), boundary, session, resource);
        }

        /**
         * Rejects what IAM rejects for a policy in this role: a {@code Principal} outside resource-based
         * policies, a missing {@code Resource} in identity-based ones, a missing {@code Principal} in
         * resource-based ones.
         */
        static void check(PolicyType type, Policy policy) {
            if (policy == null) {
                return;
            }
            List<PolicyProblem> problems = new ArrayList<>();
            List<Statement> statements = policy.statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                String ptr = "/Statement/" + i;
                if (type == PolicyType.RESOURCE) {
                    if (s.principal() == null) {
                        problems.add(new PolicyProblem(ptr, "a resource-based policy statement needs `Principal` "
                                + "or `NotPrincipal` to say whom it applies to"));
                    }
                } else {
                    if (s.principal() != null) {
                        problems.add(new PolicyProblem(ptr + (s.principal().negated() ? "/NotPrincipal" : "/Principal"),
                                "a " + describe(type) + " must not have `Principal`; principals belong in "
                                        + "resource-based policies"));
                    }
                    if (s.resource() == null) {
                        problems.add(new PolicyProblem(ptr, "a " + describe(type) + " statement needs `Resource` "
                                + "(or `NotResource`); use `*` for every resource"));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new PolicyParseException(problems);
            }
        }

        private static String describe(PolicyType type) {
            return switch (type) {
                case IDENTITY -> "identity-based policy";
                case PERMISSIONS_BOUNDARY -> "permissions boundary";
                case SESSION -> "session policy";
                case RESOURCE -> "resource-based policy";
            };
        }
    }
}
