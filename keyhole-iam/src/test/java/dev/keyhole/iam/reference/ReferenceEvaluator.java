package dev.keyhole.iam.reference;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.PrincipalElement;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, obviously-correct IAM evaluator written straight from the AWS pages, for the differential
 * test to hold keyhole's prepared and indexed {@code PolicySet} to.
 *
 * <p>It works on the {@link Policy} model as parsed and re-reads everything on every call: no
 * compilation, no index, no regular expressions, wildcards matched by plain recursion one character at
 * a time, ARNs split with {@link String#split}. Pages followed:
 * <ul>
 *   <li>https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *       (and its single-account and cross-account pages) for how policy types combine;</li>
 *   <li>https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 *       and .../reference_policies_condition-single-vs-multi-valued-context-keys.html for conditions;</li>
 *   <li>https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html for variables;</li>
 *   <li>.../reference_policies_elements_principal.html and .../reference_policies_elements_notprincipal.html.</li>
 * </ul>
 * Where the pages leave a choice open it takes the one keyhole documents in the javadoc of
 * {@code PolicySet}, {@code CompiledCondition}, {@code PrincipalMatcher} and {@code Grant}.
 */
final class ReferenceEvaluator {

    /** What the reference decided: {@code Allow}, {@code ImplicitDeny} or {@code ExplicitDeny}, and by which statement. */
    record Result(String outcome, String decidedBy) {}

    /** How a statement's {@code Principal} names the caller; a later constant is a stronger grant. */
    private enum Naming { NOT_NAMED, ACCOUNT, ROLE, CALLER }

    /** One wildcard-pattern character: {@code wild} only for {@code *} and {@code ?} written as wildcards. */
    private record Ch(char c, boolean wild) {}

    /** A policy with the name decisions use for it ({@code identity[0]}, {@code sessionPolicy}, ...). */
    private record Named(String label, Policy policy) {}

    private ReferenceEvaluator() {}

    /** Decides one request; {@code boundary}, {@code session} and {@code resource} may be {@code null}. */
    static Result decide(List<Policy> identity, Policy boundary, Policy session, Policy resource, Request r) {
        boolean hasBoundary = boundary != null;
        List<Named> all = new ArrayList<>();
        for (int i = 0; i < identity.size(); i++) {
            all.add(new Named("identity[" + i + "]", identity.get(i)));
        }
        if (boundary != null) {
            all.add(new Named("permissionsBoundary", boundary));
        }
        if (session != null) {
            all.add(new Named("sessionPolicy", session));
        }
        if (resource != null) {
            all.add(new Named("resourcePolicy", resource));
        }

        // 1. An explicit deny in any policy ends evaluation.
        for (Named n : all) {
            List<Statement> ss = n.policy().statements();
            for (int i = 0; i < ss.size(); i++) {
                if (ss.get(i).effect() == Effect.DENY && naming(n.policy(), ss.get(i), r, true, hasBoundary) != Naming.NOT_NAMED) {
                    return new Result("ExplicitDeny", ref(n.label(), ss.get(i), i));
                }
            }
        }

        // 2. Which policies allow. The resource policy's allow is the strongest naming of the caller.
        String identityAllow = null;
        for (int i = 0; i < identity.size() && identityAllow == null; i++) {
            identityAllow = firstAllow(new Named("identity[" + i + "]", identity.get(i)), r, hasBoundary);
        }
        boolean boundaryAllows = boundary == null || firstAllow(new Named("permissionsBoundary", boundary), r, hasBoundary) != null;
        boolean sessionAllows = session == null || firstAllow(new Named("sessionPolicy", session), r, hasBoundary) != null;
        Naming grant = Naming.NOT_NAMED;
        String resourceAllow = null;
        if (resource != null) {
            List<Statement> ss = resource.statements();
            for (int i = 0; i < ss.size(); i++) {
                if (ss.get(i).effect() == Effect.ALLOW) {
                    Naming n = naming(resource, ss.get(i), r, false, hasBoundary);
                    if (n.compareTo(grant) > 0) {
                        grant = n;
                        resourceAllow = ref("resourcePolicy", ss.get(i), i);
                    }
                }
            }
        }
        boolean identitySide = identityAllow != null && boundaryAllows && sessionAllows;

        // 3. Across accounts, the caller's side and the resource's side must both allow.
        if (crossAccount(r)) {
            return identitySide && grant != Naming.NOT_NAMED
                    ? new Result("Allow", identityAllow) : new Result("ImplicitDeny", null);
        }
        // 4. Within one account either side is enough; a grant to the caller itself is not limited by an
        //    implicit deny in the boundary or session policy, a grant to the role behind a session is, and
        //    a grant to the account only delegates to identity-based policies. When both sides allow, the
        //    identity-based statement is the one reported (keyhole's convention).
        if (identitySide) {
            return new Result("Allow", identityAllow);
        }
        if (grant == Naming.CALLER || (grant == Naming.ROLE && boundaryAllows && sessionAllows)) {
            return new Result("Allow", resourceAllow);
        }
        return new Result("ImplicitDeny", null);
    }

    private static String firstAllow(Named n, Request r, boolean hasBoundary) {
        List<Statement> ss = n.policy().statements();
        for (int i = 0; i < ss.size(); i++) {
            if (ss.get(i).effect() == Effect.ALLOW && naming(n.policy(), ss.get(i), r, false, hasBoundary) != Naming.NOT_NAMED) {
                return ref(n.label(), ss.get(i), i);
            }
        }
        return null;
    }

    private static String ref(String label, Statement s, int index) {
        return label + "/" + (s.sid() == null || s.sid().isEmpty() ? "#" + index : s.sid());
    }

    private static boolean crossAccount(Request r) {
        String[] arn = r.resource().split(":", 6);
        String caller = r.principal().account();
        return r.resource().startsWith("arn:") && arn.length == 6 && caller != null
                && !arn[4].isEmpty() && !arn[4].equals(caller);
    }

    // ---------------------------------------------------------------- statements

    /** Whether the statement applies to the request, and if so how it names the caller. */
    private static Naming naming(Policy p, Statement s, Request r, boolean deny, boolean hasBoundary) {
        boolean vars = Policy.VERSION_2012.equals(p.version());
        boolean actionListed = false;
        for (String a : s.action().values()) {
            actionListed |= like(wildcards(a.toLowerCase(Locale.ROOT)), r.action().toLowerCase(Locale.ROOT));
        }
        if (actionListed == s.action().negated()) {
            return Naming.NOT_NAMED;
        }
        if (s.resource() != null) {
            boolean listed = false;
            for (String pattern : s.resource().values()) {
                List<Ch> resolved = substitute(pattern, vars, r);
                listed |= resolved != null && arnLike(resolved, r.resource());
            }
            if (listed == s.resource().negated()) {
                return Naming.NOT_NAMED;
            }
        }
        Naming naming = s.principal() == null ? Naming.CALLER : principal(s.principal(), r, deny, hasBoundary);
        if (naming == Naming.NOT_NAMED) {
            return naming;
        }
        for (Condition c : s.conditions()) {
            if (!holds(c, vars, r)) {
                return Naming.NOT_NAMED;
            }
        }
        return naming;
    }

    // ---------------------------------------------------------------- principals

    /**
     * {@code Principal}: the strongest way any of the caller's identities is listed. {@code NotPrincipal}:
     * a Deny applies unless every identity of the caller is listed (always, when the caller has a
     * permissions boundary); an Allow applies when none is.
     */
    private static Naming principal(PrincipalElement e, Request r, boolean deny, boolean hasBoundary) {
        Principal p = r.principal();
        boolean everyone = e.wildcard() || listed(e, "AWS", "*");
        if (e.negated()) {
            if (deny) {
                return hasBoundary || !(everyone || everyIdentityListed(e, p)) ? Naming.CALLER : Naming.NOT_NAMED;
            }
            return everyone || anyIdentityListed(e, p) ? Naming.NOT_NAMED : Naming.CALLER;
        }
        if (everyone) {
            return Naming.CALLER;
        }
        if (p.type() == PrincipalType.SERVICE) {
            return listed(e, "Service", p.arn()) ? Naming.CALLER : Naming.NOT_NAMED;
        }
        if (p.type() == PrincipalType.ANONYMOUS) {
            return Naming.NOT_NAMED;
        }
        Naming best = Naming.NOT_NAMED;
        ContextValue provider = context(r, "aws:FederatedProvider");
        if (listed(e, "AWS", p.arn()) || (p.id() != null && listed(e, "CanonicalUser", p.id()))
                || (provider != null && !provider.values().isEmpty() && listed(e, "Federated", provider.values().get(0)))) {
            best = Naming.CALLER;
        }
        if (best == Naming.NOT_NAMED && p.type() == PrincipalType.ASSUMED_ROLE && listed(e, "AWS", p.roleArn())) {
            best = Naming.ROLE;
        }
        if (best == Naming.NOT_NAMED && accountListed(e, p)) {
            best = p.type() == PrincipalType.ROOT ? Naming.CALLER : Naming.ACCOUNT;
        }
        return best;
    }

    /** The caller's identities as {@code NotPrincipal} sees them: its ARN, its role's ARN, its account. */
    private static boolean everyIdentityListed(PrincipalElement e, Principal p) {
        return switch (p.type()) {
            case SERVICE -> listed(e, "Service", p.arn());
            case ANONYMOUS -> false;
            // IAM reads an account id in a policy as that account's root ARN.
            case ROOT -> listed(e, "AWS", p.arn()) || accountListed(e, p);
            case ASSUMED_ROLE -> listed(e, "AWS", p.arn()) && listed(e, "AWS", p.roleArn())
                    && (p.account() == null || accountListed(e, p));
            default -> listed(e, "AWS", p.arn()) && (p.account() == null || accountListed(e, p));
        };
    }

    private static boolean anyIdentityListed(PrincipalElement e, Principal p) {
        return switch (p.type()) {
            case SERVICE -> listed(e, "Service", p.arn());
            case ANONYMOUS -> false;
            default -> listed(e, "AWS", p.arn()) || (p.type() == PrincipalType.ASSUMED_ROLE && listed(e, "AWS", p.roleArn()))
                    || accountListed(e, p);
        };
    }

    /** An account is listed by its 12-digit id or by its root user's ARN. */
    private static boolean accountListed(PrincipalElement e, Principal p) {
        return p.account() != null && (listed(e, "AWS", p.account()) || listed(e, "AWS", p.accountRootArn()));
    }

    /** Principal identifiers are compared exactly: no wildcards except a whole {@code *}. */
    private static boolean listed(PrincipalElement e, String type, String id) {
        List<String> ids = e.byType().get(type);
        return id != null && ids != null && ids.contains(id);
    }

    // ---------------------------------------------------------------- conditions

    /**
     * One condition. A missing key (or an empty set) makes a positive operator false and a negated one
     * true, {@code IfExists} makes it true, {@code ForAllValues} true and {@code ForAnyValue} false;
     * {@code Null} asks only whether the key is there. Otherwise each context value is compared with the
     * policy values (ORed); a value that is not of the operator's type makes the whole condition false.
     */
    private static boolean holds(Condition c, boolean vars, Request r) {
        ContextValue cv = context(r, c.key());
        List<String> values = cv == null ? List.of() : cv.values();
        boolean missing = values.isEmpty();
        BaseOperator op = c.operator().base();
        boolean ifExists = c.operator().ifExists();
        SetQualifier q = c.operator().qualifier();
        if (op == BaseOperator.NULL) {
            String wanted = missing ? "true" : "false";
            return (missing && ifExists) || c.values().stream().anyMatch(wanted::equalsIgnoreCase);
        }
        if (missing) {
            return switch (q) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> ifExists;
                case NONE -> ifExists || op.negated();
            };
        }
        boolean anyMatched = false;
        boolean anyPasses = false;
        boolean allPass = true;
        for (String v : values) {
            Boolean matched = matchesSomePolicyValue(op, c.values(), vars, v, r);
            if (matched == null) {
                return false;
            }
            boolean passes = matched != op.negated();
            anyMatched |= matched;
            anyPasses |= passes;
            allPass &= passes;
        }
        return switch (q) {
            // Without a qualifier a positive operator wants some value to match, a negated one none.
            case NONE -> op.negated() ? !anyMatched : anyMatched;
            case FOR_ANY_VALUE -> anyPasses;
            case FOR_ALL_VALUES -> allPass;
        };
    }

    /**
     * Whether one context value matches any policy value in the operator's positive sense ({@code
     * StringNotEquals} asks "equals?"); {@code null} when the context value is not of the operator's type.
     * A policy value that is not of the type, or whose variable has no value, matches nothing.
     */
    private static Boolean matchesSomePolicyValue(BaseOperator op, List<String> policyValues, boolean vars, String v, Request r) {
        switch (op.family()) {
            case STRING -> {
                for (String pv : policyValues) {
                    List<Ch> p = substitute(pv, vars, r);
                    if (p == null) {
                        continue;
                    }
                    boolean m = switch (op) {
                        case STRING_EQUALS, STRING_NOT_EQUALS -> text(p).equals(v);
                        case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> text(p).equalsIgnoreCase(v);
                        default -> like(p, v);
                    };
                    if (m) {
                        return true;
                    }
                }
                return false;
            }
            case ARN -> {
                String[] parts = v.split(":", 6);
                if (!v.startsWith("arn:") || parts.length != 6) {
                    return false;
                }
                for (String pv : policyValues) {
                    List<Ch> p = substitute(pv, vars, r);
                    if (p != null && arnLike(p, v)) {
                        return true;
                    }
                }
                return false;
            }
            case NUMERIC -> {
                BigDecimal c = number(v);
                if (c == null) {
                    return null;
                }
                for (String pv : policyValues) {
                    BigDecimal n = number(pv);
                    if (n != null && ordered(op, c.compareTo(n))) {
                        return true;
                    }
                }
                return false;
            }
            case DATE -> {
                Instant c = date(v);
                if (c == null) {
                    return null;
                }
                for (String pv : policyValues) {
                    Instant d = date(pv);
                    if (d != null && ordered(op, c.compareTo(d))) {
                        return true;
                    }
                }
                return false;
            }
            case BOOL -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    return null;
                }
                return policyValues.stream().anyMatch(v::equalsIgnoreCase);
            }
            case BINARY -> {
                byte[] c = base64(v);
                if (c == null) {
                    return null;
                }
                return policyValues.stream().map(ReferenceEvaluator::base64).anyMatch(b -> b != null && Arrays.equals(b, c));
            }
            case IP_ADDRESS -> {
                byte[] c = ip(v.trim());
                if (c == null) {
                    return null;
                }
                return policyValues.stream().anyMatch(pv -> inBlock(pv.trim(), c));
            }
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    /** The ordering operators answered from a comparison of context value against policy value. */
    private static boolean ordered(BaseOperator op, int cmp) {
        return switch (op) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> cmp == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> cmp < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> cmp <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    /** Condition keys are case-insensitive. */
    private static ContextValue context(Request r, String key) {
        for (Map.Entry<String, ContextValue> e : r.context().asMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- values

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 (a date, or a date-time that is UTC unless it gives an offset), or epoch seconds. */
    private static Instant date(String s) {
        String t = s.trim();
        String digits = t.startsWith("-") ? t.substring(1) : t;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "0" : digits.substring(dot + 1);
        if (allDigits(whole) && allDigits(fraction)) {
            BigDecimal seconds = new BigDecimal(t);
            return Instant.ofEpochSecond(0).plusNanos(seconds.movePointRight(9).longValue());
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException notWithOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException notDateTime) {
                try {
                    return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (RuntimeException notDate) {
                    return null;
                }
            }
        }
    }

    private static boolean allDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the address is in the CIDR block (or is the single address) written as {@code block}. */
    private static boolean inBlock(String block, byte[] address) {
        String[] parts = block.split("/", -1);
        if (parts.length > 2) {
            return false;
        }
        byte[] network = ip(parts[0]);
        if (network == null || network.length != address.length) {
            return false;
        }
        int bits = network.length * 8;
        if (parts.length == 2) {
            if (!allDigits(parts[1]) || parts[1].length() > 3 || Integer.parseInt(parts[1]) > bits) {
                return false;
            }
            bits = Integer.parseInt(parts[1]);
        }
        for (int i = 0; i < bits; i++) {
            if (bit(network, i) != bit(address, i)) {
                return false;
            }
        }
        return true;
    }

    private static int bit(byte[] b, int i) {
        return (b[i / 8] >> (7 - i % 8)) & 1;
    }

    /** A dotted-quad IPv4 or a colon-hex IPv6 address (with at most one {@code ::}), or {@code null}. */
    private static byte[] ip(String s) {
        if (!s.contains(":")) {
            String[] q = s.split("\\.", -1);
            if (q.length != 4) {
                return null;
            }
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!allDigits(q[i]) || q[i].length() > 3 || Integer.parseInt(q[i]) > 255) {
                    return null;
                }
                out[i] = (byte) Integer.parseInt(q[i]);
            }
            return out;
        }
        int gap = s.indexOf("::");
        if (gap != s.lastIndexOf("::")) {
            return null;
        }
        List<String> head = groups(gap < 0 ? s : s.substring(0, gap));
        List<String> tail = gap < 0 ? List.of() : groups(s.substring(gap + 2));
        if (head == null || tail == null || (gap < 0 ? head.size() != 8 : head.size() + tail.size() > 7)) {
            return null;
        }
        List<String> all = new ArrayList<>(head);
        while (all.size() + tail.size() < 8) {
            all.add("0");
        }
        all.addAll(tail);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            int g = Integer.parseInt(all.get(i), 16);
            out[2 * i] = (byte) (g >> 8);
            out[2 * i + 1] = (byte) g;
        }
        return out;
    }

    private static List<String> groups(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String g : s.split(":", -1)) {
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            out.add(g);
        }
        return out;
    }

    // ---------------------------------------------------------------- wildcards, ARNs, variables

    /** A pattern where every {@code *} and {@code ?} is a wildcard. */
    private static List<Ch> wildcards(String s) {
        List<Ch> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(new Ch(c, c == '*' || c == '?'));
        }
        return out;
    }

    private static String text(List<Ch> p) {
        StringBuilder sb = new StringBuilder();
        p.forEach(c -> sb.append(c.c()));
        return sb.toString();
    }

    /** {@code *} matches any run of characters, {@code ?} exactly one; every other character itself. */
    private static boolean like(List<Ch> p, String s) {
        return like(p, 0, s, 0);
    }

    private static boolean like(List<Ch> p, int i, String s, int j) {
        if (i == p.size()) {
            return j == s.length();
        }
        Ch c = p.get(i);
        if (c.wild() && c.c() == '*') {
            return like(p, i + 1, s, j) || (j < s.length() && like(p, i, s, j + 1));
        }
        return j < s.length() && ((c.wild() && c.c() == '?') || c.c() == s.charAt(j)) && like(p, i + 1, s, j + 1);
    }

    /** Test hook: matches a pattern in which every {@code *} and {@code ?} is a wildcard. */
    static boolean like(String pattern, String s) {
        return like(wildcards(pattern), s);
    }

    /**
     * ARN matching: a bare {@code *} matches anything; otherwise each of the six colon-separated parts is
     * matched on its own (the last keeps its colons), and a pattern or ARN that does not have six parts
     * is matched as a whole.
     */
    private static boolean arnLike(List<Ch> p, String arn) {
        if (p.size() == 1 && p.get(0).wild() && p.get(0).c() == '*') {
            return true;
        }
        List<List<Ch>> parts = new ArrayList<>();
        parts.add(new ArrayList<>());
        for (Ch c : p) {
            if (c.c() == ':' && parts.size() < 6) {
                parts.add(new ArrayList<>());
            } else {
                parts.get(parts.size() - 1).add(c);
            }
        }
        String[] a = arn.split(":", 6);
        if (parts.size() < 6 || a.length < 6 || !arn.startsWith("arn:")) {
            return like(p, arn);
        }
        for (int i = 0; i < 6; i++) {
            if (!like(parts.get(i), a[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Substitutes policy variables ({@code ${key}}, {@code ${key, 'default'}}, and the escapes
     * {@code ${*}}, {@code ${?}}, {@code ${$}}) when the policy's version has them. Characters that come
     * from a variable or an escape are never wildcards. {@code null} when a variable has no value: a
     * missing or multivalued key without a default.
     */
    private static List<Ch> substitute(String raw, boolean vars, Request r) {
        List<Ch> out = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            int close = raw.indexOf('}', i + 2);
            if (vars && raw.startsWith("${", i) && close >= 0) {
                String inner = raw.substring(i + 2, close);
                String[] value = variable(inner, r);
                if (value != null) {
                    if (value[0] == null) {
                        return null;
                    }
                    for (char c : value[0].toCharArray()) {
                        out.add(new Ch(c, false));
                    }
                    i = close + 1;
                    continue;
                }
                // Not a variable: the text stands as written, wildcards and all.
                out.addAll(wildcards(raw.substring(i, close + 1)));
                i = close + 1;
                continue;
            }
            out.addAll(wildcards(raw.substring(i, i + 1)));
            i++;
        }
        return out;
    }

    /** {@code {value}} ({@code {null}} when it has none), or {@code null} when {@code inner} is not a variable. */
    private static String[] variable(String inner, Request r) {
        if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
            return new String[] {inner};
        }
        String key = inner;
        String fallback = null;
        int comma = inner.indexOf(',');
        if (comma >= 0) {
            key = inner.substring(0, comma).trim();
            String d = inner.substring(comma + 1).trim();
            if (d.length() < 2 || !d.startsWith("'") || !d.endsWith("'")) {
                return null;
            }
            fallback = d.substring(1, d.length() - 1);
        }
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        ContextValue v = context(r, key);
        return new String[] {v == null || v.multivalued() ? fallback : v.values().get(0)};
    }
}
