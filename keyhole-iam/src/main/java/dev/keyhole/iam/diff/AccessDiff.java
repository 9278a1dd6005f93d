package dev.keyhole.iam.diff;

import dev.keyhole.iam.catalog.ActionInfo;
import dev.keyhole.iam.catalog.Catalog;
import dev.keyhole.iam.catalog.KeyInfo;
import dev.keyhole.iam.catalog.Wildcards;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "does NEW allow any request OLD does not?" for identity-based (or session) policies.
 *
 * <p>Requests differ only in what the policies can tell apart, so the search tries one action per
 * class of actions the patterns cannot tell apart (expanded against the {@link Catalog}), one resource
 * per class of resources, and for each condition key one of each class of the values of {@link KeyValues}
 * that the key's conditions decide alike ({@link ValueClasses}). Both sides are
 * prepared once ({@link PolicySet}) and decide every candidate; the first request NEW allows and OLD
 * denies is the witness. The search is exhaustive over these values up to {@code maxEvaluations};
 * {@link DiffResult#boundHit()} says when it stopped early.
 */
public final class AccessDiff {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^},']+)");

    private final Catalog catalog;
    private final long maxEvaluations;
    private final int maxScalars;

    private AccessDiff(Catalog catalog, long maxEvaluations, int maxScalars) {
        this.catalog = catalog;
        this.maxEvaluations = maxEvaluations;
        this.maxScalars = maxScalars;
    }

    /** A comparer with keyhole's catalog, at most {@code maxEvaluations} requests per comparison. */
    public static AccessDiff withBound(long maxEvaluations) {
        return new AccessDiff(Catalog.aws(), maxEvaluations, 24);
    }

    /** Compares the policies of OLD with those of NEW (each list as the identity policies of one principal). */
    public DiffResult compare(List<Policy> oldPolicies, List<Policy> newPolicies) {
        PolicySet oldSet = prepare(oldPolicies);
        PolicySet newSet = prepare(newPolicies);
        List<Policy> all = new ArrayList<>(oldPolicies);
        all.addAll(newPolicies);
        List<Statement> statements = Candidates.statements(all);
        Map<String, List<Condition>> conditionsByKey = conditionsByKey(statements);
        Set<String> variableKeys = variableKeys(statements);
        Map<String, List<ContextValue>> values = new LinkedHashMap<>();
        Set<String> variableLower = new java.util.HashSet<>();
        variableKeys.forEach(v -> variableLower.add(v.toLowerCase(Locale.ROOT)));
        conditionsByKey.forEach((k, cs) -> values.put(k, ValueClasses.representatives(k,
                KeyValues.candidates(cs, multivalued(k, cs), maxScalars), cs, variableLower)));
        for (String v : variableKeys) {
            values.merge(v, List.of(ContextValue.of("khVar")), (a, b) -> {
                List<ContextValue> merged = new ArrayList<>(a);
                merged.addAll(b);
                return merged;
            });
            values.computeIfPresent(v, (k, list) -> list.get(0) == null ? list : prepend(list));
        }
        Map<String, String> spelled = new LinkedHashMap<>();
        values.keySet().forEach(k -> spelled.putIfAbsent(k.toLowerCase(Locale.ROOT), k));
        List<String> actions = representatives(Candidates.actions(all, catalog), statements, conditionsByKey.keySet());
        List<String> resources = resourceRepresentatives(Candidates.resources(all), statements);

        List<Pair> pairs = new ArrayList<>();
        long space = 0;
        for (String action : actions) {
            for (String resource : resources) {
                List<String> keys = new ArrayList<>();
                for (String k : relevantKeys(action, resource, statements, variableKeys)) {
                    keys.add(spelled.getOrDefault(k.toLowerCase(Locale.ROOT), k));
                }
                List<List<ContextValue>> dims = new ArrayList<>();
                long size = 1;
                for (String k : keys) {
                    List<ContextValue> vs = supported(action, k) ? values.get(k) : java.util.Collections.singletonList(null);
                    dims.add(vs);
                    size = saturatingMultiply(size, vs.size());
                }
                pairs.add(new Pair(action, resource, keys, dims));
                space = saturatingAdd(space, size);
            }
        }
        long evaluated = 0;
        for (Pair p : pairs) {
            Principal principal = principalFor(p.resource);
            int[] index = new int[p.keys.size()];
            while (true) {
                if (evaluated >= maxEvaluations) {
                    return new DiffResult(Optional.empty(), evaluated, space, true);
                }
                Map<String, ContextValue> ctx = new LinkedHashMap<>();
                for (int d = 0; d < index.length; d++) {
                    ContextValue v = p.dims.get(d).get(index[d]);
                    if (v != null) {
                        ctx.put(p.keys.get(d), v);
                    }
                }
                evaluated++;
                Witness w = new Witness(principal, p.action, p.resource, ctx);
                Request r = w.request();
                if (newSet.evaluate(r).allowed() && !oldSet.evaluate(r).allowed()) {
                    return new DiffResult(Optional.of(w), evaluated, space, false);
                }
                if (!next(index, p.dims)) {
                    break;
                }
            }
        }
        return new DiffResult(Optional.empty(), evaluated, space, false);
    }

    private record Pair(String action, String resource, List<String> keys, List<List<ContextValue>> dims) {}

    private static List<ContextValue> prepend(List<ContextValue> list) {
        List<ContextValue> out = new ArrayList<>();
        out.add(null);
        out.addAll(list);
        return out;
    }

    private static boolean next(int[] index, List<List<ContextValue>> dims) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < dims.get(d).size()) {
                return true;
            }
            index[d] = 0;
        }
        return false;
    }

    private static PolicySet prepare(List<Policy> policies) {
        PolicySet.Builder b = PolicySet.builder();
        policies.forEach(b::identity);
        return b.build();
    }

    private static Map<String, List<Condition>> conditionsByKey(List<Statement> statements) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<Condition>> out = new LinkedHashMap<>();
        for (Statement s : statements) {
            for (Condition c : s.conditions()) {
                String lower = c.key().toLowerCase(Locale.ROOT);
                String key = spelling.computeIfAbsent(lower, x -> c.key());
                out.computeIfAbsent(key, x -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    private Set<String> variableKeys(List<Statement> statements) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement s : statements) {
            List<String> texts = new ArrayList<>();
            if (s.resource() != null) {
                texts.addAll(s.resource().values());
            }
            s.conditions().forEach(c -> texts.addAll(c.values()));
            for (String t : texts) {
                Matcher m = VARIABLE.matcher(t);
                while (m.find()) {
                    String key = m.group(1).strip();
                    if (!key.equals("*") && !key.equals("?") && !key.equals("$")) {
                        out.add(key);
                    }
                }
            }
        }
        return out;
    }

    private boolean multivalued(String key, List<Condition> conditions) {
        boolean typed = catalog.key(key).map(KeyInfo::type).map(t -> t.multivalued()).orElse(false);
        return typed || conditions.stream().anyMatch(c -> c.operator().qualifier() != SetQualifier.NONE);
    }

    /** Whether requests for the action can carry the key (global keys always; listed ones per the catalog). */
    private boolean supported(String action, String key) {
        Optional<ActionInfo> info = catalog.action(action);
        if (info.isEmpty() || !catalog.service(info.get().service()).map(s -> s.complete()).orElse(false)) {
            return true;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws:") && !lower.startsWith("aws:requesttag/") && !lower.equals("aws:tagkeys")) {
            return true;
        }
        return catalog.supports(info.get(), key);
    }

    /** One action per class: same match against every action pattern and the same supported keys. */
    private List<String> representatives(List<String> candidates, List<Statement> statements, Set<String> keys) {
        Set<String> patterns = new LinkedHashSet<>();
        statements.forEach(s -> patterns.addAll(s.action().values()));
        Map<List<Boolean>, String> byClass = new LinkedHashMap<>();
        for (String a : candidates) {
            List<Boolean> signature = new ArrayList<>();
            patterns.forEach(p -> signature.add(Wildcards.matches(p, a, true)));
            keys.forEach(k -> signature.add(supported(a, k)));
            byClass.putIfAbsent(signature, a);
        }
        return new ArrayList<>(byClass.values());
    }

    /** One resource per class: same decision by every resource pattern, asked of the real evaluator. */
    private static List<String> resourceRepresentatives(List<String> candidates, List<Statement> statements) {
        Map<String, PolicySet> matchers = new LinkedHashMap<>();
        for (Statement s : statements) {
            if (s.resource() != null) {
                for (String p : s.resource().values()) {
                    matchers.computeIfAbsent(p, x -> PolicySet.builder().identity(new Policy(Policy.VERSION_2012, null,
                            List.of(new Statement(null, dev.keyhole.iam.policy.Effect.ALLOW, null, Element.of("*"),
                                    Element.of(x.replaceAll("\\$\\{[^}]*}", "khVar")), List.of())))).build());
                }
            }
        }
        Map<List<Boolean>, String> byClass = new LinkedHashMap<>();
        for (String r : candidates) {
            Request probe = new Request(principalFor(r), "khprobe:Probe", r, RequestContext.empty());
            List<Boolean> signature = new ArrayList<>();
            matchers.values().forEach(m -> signature.add(m.evaluate(probe).allowed()));
            byClass.putIfAbsent(signature, r);
        }
        return new ArrayList<>(byClass.values());
    }

    /** Keys of the statements that can apply to this action and resource, and the variables. */
    private static List<String> relevantKeys(String action, String resource, List<Statement> statements,
                                             Set<String> variableKeys) {
        Set<String> lower = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (Statement s : statements) {
            if (!elementMatches(s.action(), action, true)
                    || (s.resource() != null && !resourceMayMatch(s.resource(), resource))) {
                continue;
            }
            for (Condition c : s.conditions()) {
                if (lower.add(c.key().toLowerCase(Locale.ROOT))) {
                    out.add(c.key());
                }
            }
        }
        for (String v : variableKeys) {
            if (lower.add(v.toLowerCase(Locale.ROOT))) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean resourceMayMatch(Element e, String resource) {
        if (e.values().stream().anyMatch(v -> v.contains("${"))) {
            return true;
        }
        return elementMatches(e, resource, false);
    }

    private static boolean elementMatches(Element e, String value, boolean ignoreCase) {
        boolean any = e.values().stream().anyMatch(p -> Wildcards.matches(p, value, ignoreCase));
        return e.negated() != any;
    }

    static Principal principalFor(String resource) {
        String[] parts = resource.split(":", 6);
        String account = parts.length == 6 && parts[4].matches("\\d{12}") ? parts[4] : Candidates.DEFAULT_ACCOUNT;
        return new Principal(PrincipalType.ASSUMED_ROLE, "arn:aws:sts::" + account + ":assumed-role/keyhole-diff/witness",
                "AROAKEYHOLEDIFF:witness", account, Map.of());
    }

    private static long saturatingMultiply(long a, long b) {
        long r = a * b;
        return (a != 0 && r / a != b) || r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
