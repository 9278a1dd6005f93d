package dev.keyhole.iam.reference;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.OperatorFamily;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Request;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, obviously-correct evaluator for identity policies, a boundary and a session policy, written
 * straight from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * and the condition-operator page: no compilation, no index, re-reading everything on every call.
 * The differential test holds keyhole's prepared evaluator to it.
 */
final class ReferenceEvaluator {

    /** What the reference decided. */
    record Result(String outcome, String decidedBy) {}

    private ReferenceEvaluator() {}

    static Result decide(List<Policy> identity, Policy boundary, Policy session, Request r) {
        List<Object[]> all = new ArrayList<>();
        for (int i = 0; i < identity.size(); i++) {
            all.add(new Object[] {"identity[" + i + "]", identity.get(i)});
        }
        if (boundary != null) {
            all.add(new Object[] {"permissionsBoundary", boundary});
        }
        if (session != null) {
            all.add(new Object[] {"sessionPolicy", session});
        }
        for (Object[] p : all) {
            String deny = first((Policy) p[1], (String) p[0], Effect.DENY, r);
            if (deny != null) {
                return new Result("ExplicitDeny", deny);
            }
        }
        String identityAllow = null;
        for (int i = 0; i < identity.size() && identityAllow == null; i++) {
            identityAllow = first(identity.get(i), "identity[" + i + "]", Effect.ALLOW, r);
        }
        boolean boundaryOk = boundary == null || first(boundary, "permissionsBoundary", Effect.ALLOW, r) != null;
        boolean sessionOk = session == null || first(session, "sessionPolicy", Effect.ALLOW, r) != null;
        if (identityAllow != null && boundaryOk && sessionOk) {
            return new Result("Allow", identityAllow);
        }
        return new Result("ImplicitDeny", null);
    }

    private static String first(Policy p, String label, Effect effect, Request r) {
        for (int i = 0; i < p.statements().size(); i++) {
            Statement s = p.statements().get(i);
            if (s.effect() == effect && applies(p, s, r)) {
                return label + "/" + (s.sid() == null ? "#" + i : s.sid());
            }
        }
        return null;
    }

    private static boolean applies(Policy p, Statement s, Request r) {
        boolean actionListed = s.action().values().stream()
                .anyMatch(a -> wild(a.toLowerCase(Locale.ROOT), r.action().toLowerCase(Locale.ROOT)));
        if (actionListed == s.action().negated()) {
            return false;
        }
        if (s.resource() != null) {
            boolean listed = false;
            for (String pattern : s.resource().values()) {
                String resolved = p.supportsVariables() ? substitute(pattern, r, true) : pattern;
                if (resolved != null && arnMatches(resolved, r.resource())) {
                    listed = true;
                }
            }
            if (listed == s.resource().negated()) {
                return false;
            }
        }
        for (Condition c : s.conditions()) {
            if (!holds(p, c, r)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Policy p, Condition c, Request r) {
        ContextValue cv = r.context().get(c.key());
        List<String> values = cv == null ? List.of() : cv.values();
        BaseOperator op = c.operator().base();
        boolean ifExists = c.operator().ifExists();
        if (op.family() == OperatorFamily.NULL) {
            boolean absent = values.isEmpty();
            if (absent && ifExists) {
                return true;
            }
            return c.values().stream().anyMatch(v -> v.equalsIgnoreCase(absent ? "true" : "false"));
        }
        SetQualifier q = c.operator().qualifier();
        if (values.isEmpty()) {
            if (q == SetQualifier.FOR_ALL_VALUES) {
                return true;
            }
            if (q == SetQualifier.FOR_ANY_VALUE) {
                return ifExists;
            }
            return ifExists || op.negated();
        }
        List<Boolean> matched = new ArrayList<>();
        for (String v : values) {
            Boolean m = matchesSome(p, op, c.values(), v, r);
            if (m == null) {
                return false;
            }
            matched.add(m);
        }
        boolean neg = op.negated();
        return switch (q) {
            case NONE -> matched.contains(true) != neg;
            case FOR_ANY_VALUE -> matched.stream().anyMatch(m -> m != neg);
            case FOR_ALL_VALUES -> matched.stream().allMatch(m -> m != neg);
        };
    }

    /** Whether {@code v} matches any policy value positively; {@code null} when {@code v} is not of the type. */
    private static Boolean matchesSome(Policy p, BaseOperator op, List<String> policyValues, String v, Request r) {
        switch (op.family()) {
            case STRING: {
                for (String pv : policyValues) {
                    String resolved = p.supportsVariables() ? substitute(pv, r, false) : pv;
                    if (resolved == null) {
                        continue;
                    }
                    boolean m = switch (op) {
                        case STRING_EQUALS, STRING_NOT_EQUALS -> resolved.equals(v);
                        case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> resolved.equalsIgnoreCase(v);
                        default -> wild(resolved, v);
                    };
                    if (m) {
                        return true;
                    }
                }
                return false;
            }
            case NUMERIC: {
                BigDecimal c;
                try {
                    c = new BigDecimal(v.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                for (String pv : policyValues) {
                    int cmp = c.compareTo(new BigDecimal(pv));
                    if (ordered(op, cmp)) {
                        return true;
                    }
                }
                return false;
            }
            case DATE: {
                Instant c;
                try {
                    c = Instant.parse(v);
                } catch (RuntimeException e) {
                    return null;
                }
                for (String pv : policyValues) {
                    if (ordered(op, c.compareTo(Instant.parse(pv)))) {
                        return true;
                    }
                }
                return false;
            }
            case BOOL: {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    return null;
                }
                return policyValues.stream().anyMatch(pv -> pv.equalsIgnoreCase(v));
            }
            default:
                throw new IllegalArgumentException("the generator does not produce " + op);
        }
    }

    private static boolean ordered(BaseOperator op, int cmp) {
        String name = op.json();
        if (name.endsWith("NotEquals") || name.endsWith("Equals") && !name.endsWith("ThanEquals")) {
            return cmp == 0;
        }
        if (name.endsWith("LessThan")) {
            return cmp < 0;
        }
        if (name.endsWith("LessThanEquals")) {
            return cmp <= 0;
        }
        if (name.endsWith("GreaterThan")) {
            return cmp > 0;
        }
        return cmp >= 0;
    }

    /**
     * Replaces {@code ${key}} with the context value. Text outside variables keeps its wildcards; a
     * substituted value's {@code *} and {@code ?} are made literal by marking them with a NUL prefix,
     * which {@link #wild} understands. {@code null} when a variable has no value.
     */
    private static String substitute(String s, Request r, boolean unusedForResource) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("${", i);
            int close = open < 0 ? -1 : s.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, open);
            String key = s.substring(open + 2, close);
            ContextValue v = r.context().get(key);
            if (v == null || v.multivalued()) {
                return null;
            }
            for (char ch : v.values().get(0).toCharArray()) {
                if (ch == '*' || ch == '?') {
                    out.append('\0');
                }
                out.append(ch);
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static boolean arnMatches(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length < 6 || a.length < 6 || !arn.startsWith("arn:")) {
            return wild(pattern, arn);
        }
        for (int i = 0; i < 6; i++) {
            if (!wild(p[i], a[i])) {
                return false;
            }
        }
        return true;
    }

    /** Wildcard match by plain recursion; a NUL before {@code *} or {@code ?} makes it literal. */
    static boolean wild(String p, String s) {
        if (p.isEmpty()) {
            return s.isEmpty();
        }
        char c = p.charAt(0);
        if (c == '\0') {
            return !s.isEmpty() && s.charAt(0) == p.charAt(1) && wild(p.substring(2), s.substring(1));
        }
        if (c == '*') {
            for (int k = 0; k <= s.length(); k++) {
                if (wild(p.substring(1), s.substring(k))) {
                    return true;
                }
            }
            return false;
        }
        return !s.isEmpty() && (c == '?' || c == s.charAt(0)) && wild(p.substring(1), s.substring(1));
    }
}
