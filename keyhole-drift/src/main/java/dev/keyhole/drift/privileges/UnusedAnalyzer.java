package dev.keyhole.drift.privileges;

import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what each principal's identity-based policies allow in DynamoDB with what it used.
 *
 * <p>Granted actions are found by asking keyhole's evaluator every DynamoDB action on every resource
 * the policies name (and every resource the principal used), through the principal's whole policy set
 * (inline, managed, its groups', its permissions boundary). A policy shared by several principals is
 * narrowed to the union of their usage, so no one loses what they use.
 */
public final class UnusedAnalyzer {

    private UnusedAnalyzer() {}

    /** The report for {@code details} against {@code usage}. */
    public static UnusedReport analyze(AuthorizationDetails details, Usage usage) {
        List<UnusedReport.PrincipalUsage> principals = new ArrayList<>();
        Map<String, PolicyUse> policies = new LinkedHashMap<>();
        for (AuthorizationDetails.Principal p : details.principals()) {
            Map<String, Policy> own = policiesOf(p, details);
            Principal who = Grants.principal(p.kind(), p.arn());
            PolicySet.Builder b = PolicySet.builder();
            own.forEach(b::identity);
            AuthorizationDetails.ManagedPolicy boundary = p.boundaryArn() == null ? null : details.managed().get(p.boundaryArn());
            if (boundary != null) {
                b.permissionsBoundary(boundary.document());
            }
            PolicySet set = b.build();
            Set<Usage.Call> used = usage.of(p.arn());
            Set<String> resources = new TreeSet<>();
            own.values().forEach(pol -> resources.addAll(dynamoResources(pol)));
            if (resources.isEmpty()) {
                continue;
            }
            Set<String> candidates = new LinkedHashSet<>(resources);
            used.forEach(c -> candidates.add(c.resource()));
            Set<String> granted = new TreeSet<>();
            for (String action : DynamoActions.ALL) {
                for (String r : candidates) {
                    if (Grants.allows(set, who, action, r)) {
                        granted.add(action);
                        break;
                    }
                }
            }
            if (granted.isEmpty()) {
                continue;
            }
            Set<String> usedActions = new TreeSet<>();
            Set<String> usedResources = new TreeSet<>();
            used.forEach(c -> {
                usedActions.add(c.action());
                usedResources.add(c.resource());
            });
            Set<String> unused = new TreeSet<>(granted);
            unused.removeAll(usedActions);
            principals.add(new UnusedReport.PrincipalUsage(p.arn(), granted, usedActions, unused, resources, usedResources));
            own.forEach((label, pol) -> {
                if (!dynamoResources(pol).isEmpty()) {
                    PolicyUse u = policies.computeIfAbsent(label, l -> new PolicyUse(pol, who));
                    u.attachedTo.add(p.arn());
                    u.used.addAll(used);
                }
            });
        }
        List<UnusedReport.Proposal> proposals = new ArrayList<>();
        policies.forEach((label, u) -> {
            Policy narrowed = PolicyNarrower.narrow(u.original, u.used, u.principal);
            if (!narrowed.equals(u.original)) {
                AuthorizationDetails.ManagedPolicy m = details.managed().get(label);
                proposals.add(new UnusedReport.Proposal(label, m != null && m.customerManaged(), List.copyOf(u.attachedTo),
                        u.original, onlyMeaningful(narrowed)));
            }
        });
        return new UnusedReport(principals, proposals, details.incomplete());
    }

    /** A policy whose remaining statements are all Denies grants nothing: leave it empty (detach it). */
    private static Policy onlyMeaningful(Policy p) {
        boolean anyAllow = p.statements().stream().anyMatch(s -> s.effect() == Effect.ALLOW);
        return anyAllow ? p : new Policy(p.version(), p.id(), List.of());
    }

    /** Identity policies by label: managed ARN, or {@code OWNER#inline/NAME}. */
    private static Map<String, Policy> policiesOf(AuthorizationDetails.Principal p, AuthorizationDetails d) {
        Map<String, Policy> out = new LinkedHashMap<>();
        p.inline().forEach(i -> out.put(p.arn() + "#inline/" + i.name(), i.policy()));
        p.attached().forEach(arn -> managed(d, arn, out));
        for (String g : p.groups()) {
            AuthorizationDetails.Group group = d.groups().get(g);
            if (group != null) {
                group.inline().forEach(i -> out.put("group/" + g + "#inline/" + i.name(), i.policy()));
                group.attached().forEach(arn -> managed(d, arn, out));
            }
        }
        return out;
    }

    private static void managed(AuthorizationDetails d, String arn, Map<String, Policy> out) {
        AuthorizationDetails.ManagedPolicy m = d.managed().get(arn);
        if (m != null) {
            out.put(arn, m.document());
        }
    }

    /** Resources of Allow statements that can grant DynamoDB actions ({@code *} for NotResource or none). */
    static Set<String> dynamoResources(Policy p) {
        Set<String> out = new TreeSet<>();
        for (Statement s : p.statements()) {
            boolean dynamo = s.action().negated() || s.action().values().stream().anyMatch(DynamoActions::touchesDynamo);
            if (s.effect() != Effect.ALLOW || !dynamo) {
                continue;
            }
            if (s.resource() == null || s.resource().negated()) {
                out.add("*");
            } else {
                s.resource().values().stream()
                        .filter(r -> r.equals("*") || r.startsWith("arn:aws:dynamodb:") || r.startsWith("arn:*:dynamodb:"))
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** A policy with the principals it is attached to and their combined usage. */
    private static final class PolicyUse {
        final Policy original;
        final Principal principal;
        final Set<String> attachedTo = new LinkedHashSet<>();
        final Set<Usage.Call> used = new LinkedHashSet<>();

        PolicyUse(Policy original, Principal principal) {
            this.original = original;
            this.principal = principal;
        }
    }
}
