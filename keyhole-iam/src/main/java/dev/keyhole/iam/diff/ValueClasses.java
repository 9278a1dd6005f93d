package dev.keyhole.iam.diff;

import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one value per class of a key's candidate values: two values that every condition on the key
 * (in either policy) decides alike cannot change any decision, so trying both is wasted work.
 *
 * <p>Exact only for keys whose conditions read nothing else: keys whose conditions hold policy
 * variables, keys used as variables, and keys the principal fills in when absent are left whole.
 */
final class ValueClasses {

    private static final Set<String> PRINCIPAL_KEYS = Set.of("aws:principalarn", "aws:principalaccount", "aws:userid",
            "aws:username", "aws:principaltype");

    private ValueClasses() {}

    static List<ContextValue> representatives(String key, List<ContextValue> candidates, List<Condition> conditions,
                                              Set<String> variableKeysLower) {
        String lower = key.toLowerCase(Locale.ROOT);
        boolean readsOthers = conditions.stream().anyMatch(c -> c.values().stream().anyMatch(v -> v.contains("${")));
        if (readsOthers || variableKeysLower.contains(lower) || PRINCIPAL_KEYS.contains(lower)
                || lower.startsWith("aws:principaltag/")) {
            return candidates;
        }
        List<PolicySet> tests = new ArrayList<>();
        for (Condition c : conditions) {
            tests.add(PolicySet.builder().identity(new Policy(Policy.VERSION_2012, null, List.of(new Statement(null,
                    Effect.ALLOW, null, Element.of("*"), Element.of("*"), List.of(c))))).build());
        }
        Map<List<Boolean>, ContextValue> byClass = new LinkedHashMap<>();
        for (ContextValue v : candidates) {
            RequestContext.Builder ctx = RequestContext.builder();
            if (v != null) {
                ctx.put(key, v);
            }
            Request probe = new Request(AccessDiff.principalFor("*"), "khprobe:Probe", "*", ctx.build());
            List<Boolean> signature = new ArrayList<>();
            tests.forEach(t -> signature.add(t.evaluate(probe).allowed()));
            if (!byClass.containsKey(signature)) {
                byClass.put(signature, v);
            }
        }
        return new ArrayList<>(byClass.values());
    }
}
