package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;

/**
 * A policy compiled once for many decisions, in one role (identity, boundary, session, resource).
 */
final class PreparedPolicy {

    final PolicyType type;
    final String label;
    final Policy source;
    private final CompiledStatement[] statements;
    private final StatementIndex index;

    PreparedPolicy(PolicyType type, String label, Policy policy) {
        this.type = type;
        this.label = label;
        this.source = policy;
        boolean variables = policy.supportsVariables();
        this.statements = new CompiledStatement[policy.statements().size()];
        for (int i = 0; i < statements.length; i++) {
            Statement s = policy.statements().get(i);
            statements[i] = new CompiledStatement(s, new StatementRef(type, label, i, s.sid()), variables);
        }
        this.index = statements.length >= StatementIndex.MIN_STATEMENTS ? StatementIndex.build(statements) : null;
    }

    PolicyMatch match(Request request, String actionLower, Arn resource, boolean callerHasBoundary) {
        PolicyMatch m = new PolicyMatch();
        RequestContext ctx = request.context();
        if (index == null) {
            for (CompiledStatement s : statements) {
                if (consider(s, m, request, actionLower, resource, ctx, callerHasBoundary)) {
                    return m;
                }
            }
            return m;
        }
        int[][] lists = index.candidates(actionLower, resource.text);
        int[] pos = new int[lists.length];
        while (true) {
            int next = Integer.MAX_VALUE;
            for (int l = 0; l < lists.length; l++) {
                if (pos[l] < lists[l].length && lists[l][pos[l]] < next) {
                    next = lists[l][pos[l]];
                }
            }
            if (next == Integer.MAX_VALUE) {
                return m;
            }
            for (int l = 0; l < lists.length; l++) {
                if (pos[l] < lists[l].length && lists[l][pos[l]] == next) {
                    pos[l]++;
                }
            }
            if (consider(statements[next], m, request, actionLower, resource, ctx, callerHasBoundary)) {
                return m;
            }
        }
    }

    /** Records a matching statement; returns true when a Deny ends the search. */
    private boolean consider(CompiledStatement s, PolicyMatch m, Request request, String actionLower,
                             Arn resource, RequestContext ctx, boolean callerHasBoundary) {
        if (s.allow && m.grant == Grant.DIRECT) {
            // Nothing later can change what this policy allows; only a Deny still matters.
            return false;
        }
        if (!s.matchesAction(actionLower) || !s.matchesResource(resource, ctx)) {
            return false;
        }
        Grant grant = Grant.DIRECT;
        if (s.principal != null) {
            grant = s.principal.match(request.principal(), ctx, !s.allow, callerHasBoundary);
            if (grant == Grant.NONE) {
                return false;
            }
        }
        if (!s.matchesConditions(ctx)) {
            return false;
        }
        if (!s.allow) {
            m.deny = s;
            return true;
        }
        if (grant.compareTo(m.grant) > 0) {
            m.allow = s;
            m.grant = grant;
        }
        return false;
    }
}
