package dev.keyhole.drift.privileges;

import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Narrows a policy's DynamoDB grants to what was used, leaving everything else as it was.
 *
 * <p>Deny statements, statements about other services and {@code NotAction} statements are kept
 * word for word. An Allow that grants DynamoDB actions is replaced by Allows of exactly the used
 * (action, resource) pairs it granted — decided by keyhole's evaluator on that statement alone —
 * grouped by resource set and keeping its conditions; its actions of other services stay in a
 * statement of their own ({@code "*"} becomes {@code NotAction: dynamodb:*}).
 */
final class PolicyNarrower {

    private PolicyNarrower() {}

    static Policy narrow(Policy original, Collection<Usage.Call> used, Principal principal) {
        List<Statement> out = new ArrayList<>();
        int n = 0;
        for (Statement s : original.statements()) {
            n++;
            if (s.effect() == Effect.DENY || s.action().negated()
                    || s.action().values().stream().noneMatch(DynamoActions::touchesDynamo)) {
                out.add(s);
                continue;
            }
            String sid = s.sid() != null ? s.sid() : "Statement" + n;
            List<String> others = s.action().values().stream()
                    .filter(a -> !a.toLowerCase(java.util.Locale.ROOT).startsWith("dynamodb:")).toList();
            if (!others.isEmpty()) {
                boolean wildcardAll = others.stream().anyMatch(a -> a.startsWith("*"));
                Element action = wildcardAll ? Element.not("dynamodb:*")
                        : new Element(others.stream().filter(a -> !DynamoActions.touchesDynamo(a)).toList(), false);
                if (!action.values().isEmpty()) {
                    out.add(new Statement(sid + "Other", Effect.ALLOW, s.principal(), action, s.resource(), s.conditions()));
                }
            }
            PolicySet alone = PolicySet.builder().identity(new Policy(Policy.VERSION_2012, null,
                    List.of(new Statement(s.sid(), Effect.ALLOW, s.principal(), s.action(), s.resource(), List.of()))))
                    .build();
            Map<String, Set<String>> actionsByResource = new TreeMap<>();
            for (Usage.Call c : used) {
                if (Grants.allows(alone, principal, c.action(), c.resource())) {
                    actionsByResource.computeIfAbsent(c.resource(), r -> new TreeSet<>()).add(c.action());
                }
            }
            Map<Set<String>, List<String>> resourcesByActions = new LinkedHashMap<>();
            actionsByResource.forEach((r, a) -> resourcesByActions.computeIfAbsent(a, k -> new ArrayList<>()).add(r));
            int k = 0;
            for (Map.Entry<Set<String>, List<String>> e : resourcesByActions.entrySet()) {
                k++;
                out.add(new Statement(sid + "Used" + (resourcesByActions.size() > 1 ? k : ""), Effect.ALLOW, s.principal(),
                        new Element(List.copyOf(e.getKey()), false), new Element(e.getValue(), false), s.conditions()));
            }
        }
        return new Policy(original.version() == null ? Policy.VERSION_2012 : original.version(), original.id(), out);
    }
}
