package dev.keyhole.iam.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.OperatorFamily;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.PrincipalElement;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * keyhole's prepared, indexed {@link PolicySet} decides generated policies and requests as the naive
 * {@link ReferenceEvaluator} does: the same outcome, and the same deciding statement for an allow or an
 * explicit deny.
 *
 * <p>Policies mix Allow and Deny, Action and NotAction with wildcards, Resource and NotResource with
 * wildcards and policy variables, conditions of every operator family with and without
 * {@code ForAllValues:}/{@code ForAnyValue:} and {@code IfExists}, and resource policies with every
 * kind of {@code Principal}/{@code NotPrincipal}. Requests draw actions, ARNs, callers and context
 * values from the same small pools so that statements match often. Seeds are fixed, so a failure
 * reproduces; it is reported shrunk to a minimal policy set and request.
 */
class DifferentialPropertyTest {

    private static final long[] SEEDS = {1L, 7L, 42L, 2024L, 20261125L, 0xC0FFEEL, 0xBADC0DEL, 31337L};
    private static final int ROUNDS_PER_SEED = 330;
    private static final int REQUESTS_PER_ROUND = 8;
    private static final int LARGE_ROUNDS_PER_SEED = 40;
    private static final int REQUESTS_PER_LARGE_ROUND = 24;

    @Test
    void preparedEvaluatorDecidesGeneratedPolicySetsAsTheReferenceDoes() {
        Tally t = new Tally();
        for (long seed : SEEDS) {
            Generator g = new Generator(new Random(seed));
            for (int round = 0; round < ROUNDS_PER_SEED; round++) {
                check(g.policySet(false), g, REQUESTS_PER_ROUND, t, "seed " + seed + " round " + round);
            }
        }
        assertThat(t.cases).isEqualTo(SEEDS.length * ROUNDS_PER_SEED * REQUESTS_PER_ROUND);
        t.assertEveryOutcomeIsFrequent();
    }

    @Test
    void largePoliciesAreDecidedThroughTheStatementIndexAsTheReferenceDecidesThem() {
        Tally t = new Tally();
        for (long seed : SEEDS) {
            Generator g = new Generator(new Random(~seed));
            for (int round = 0; round < LARGE_ROUNDS_PER_SEED; round++) {
                PolicyCase c = g.policySet(true);
                assertThat(c.identity().get(0).statements()).hasSizeGreaterThanOrEqualTo(40);
                check(c, g, REQUESTS_PER_LARGE_ROUND, t, "large, seed " + seed + " round " + round);
            }
        }
        assertThat(t.cases).isEqualTo(SEEDS.length * LARGE_ROUNDS_PER_SEED * REQUESTS_PER_LARGE_ROUND);
        t.assertEveryOutcomeIsFrequent();
    }

    // ---------------------------------------------------------------- known divergences, found by the generator
    //
    // Each was found by the tests above and shrunk to the case below. The reference follows the AWS page
    // cited; keyhole does not yet, so these fail until PolicySet/PrincipalMatcher are fixed. The generator
    // steers clear of them (see Generator#request and Generator#avoidKnownDivergences).

    private static final String ACCOUNT = "111122223333";
    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/Orders";
    private static final Principal ROLE_SESSION = new Principal(PrincipalType.ASSUMED_ROLE,
            "arn:aws:sts::" + ACCOUNT + ":assumed-role/keyhole-exec/kh-1", "AROAEXEC:kh-1", ACCOUNT, Map.of());

    /**
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html:
     * across accounts the resource's account must allow too; a table with no resource-based policy does
     * not, so the identity policy's Allow alone is not enough.
     */
    @Test
    void crossAccountRequestWithoutAResourcePolicyIsImplicitlyDenied() {
        Policy identity = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:Query","Resource":"*"}]}""");
        Request r = new Request(ROLE_SESSION, "dynamodb:Query", "arn:aws:dynamodb:eu-west-1:444455556666:table/Orders",
                RequestContext.empty());

        assertThat(ReferenceEvaluator.decide(List.of(identity), null, null, null, r).outcome()).isEqualTo("ImplicitDeny");
        assertThat(PolicySet.builder().identity(identity).build().evaluate(r).outcome().label()).isEqualTo("ImplicitDeny");
    }

    /**
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html: a resource policy
     * that names the session itself is not limited by the boundary. Here the statement names the session
     * through {@code aws:FederatedProvider} and also names its role; the direct naming wins over the role
     * (a weaker grant, limited by the boundary).
     */
    @Test
    void roleSessionNamedDirectlyBesideItsRoleIsNotLimitedByTheBoundary() {
        Policy boundary = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");
        Policy resource = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"Both","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::111122223333:role/keyhole-exec","Federated":"accounts.google.com"},
                 "Action":"dynamodb:Query","Resource":"%s"}]}""".formatted(TABLE));
        Request r = new Request(ROLE_SESSION, "dynamodb:Query", TABLE,
                RequestContext.builder().put("aws:FederatedProvider", "accounts.google.com").build());

        assertThat(ReferenceEvaluator.decide(List.of(), boundary, null, resource, r))
                .isEqualTo(new ReferenceEvaluator.Result("Allow", "resourcePolicy/Both"));
        Decision d = PolicySet.builder().permissionsBoundary(boundary).resourcePolicy(resource).build().evaluate(r);
        assertThat(d.outcome().label() + " " + d.decidedBy()).isEqualTo("Allow resourcePolicy/Both");
    }

    /**
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts:
     * an account id in a policy stands for the account's root user ARN, in {@code NotPrincipal} as in
     * {@code Principal}.
     */
    @Test
    void notPrincipalListingTheAccountIdExemptsTheRootUser() {
        Policy resource = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"AllButAccount","Effect":"Deny",
                 "NotPrincipal":{"AWS":"111122223333"},"Action":"dynamodb:Query","Resource":"%s"}]}""".formatted(TABLE));
        Policy identity = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"Q","Effect":"Allow","Action":"dynamodb:Query","Resource":"*"}]}""");
        Principal root = new Principal(PrincipalType.ROOT, "arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, ACCOUNT, Map.of());
        Request r = new Request(root, "dynamodb:Query", TABLE, RequestContext.empty());

        assertThat(ReferenceEvaluator.decide(List.of(identity), null, null, resource, r))
                .isEqualTo(new ReferenceEvaluator.Result("Allow", "identity[0]/Q"));
        Decision d = PolicySet.builder().identity(identity).resourcePolicy(resource).build().evaluate(r);
        assertThat(d.outcome().label() + " " + d.decidedBy()).isEqualTo("Allow identity[0]/Q");
    }

    @Test
    void referenceWildcardsMatchOneCharacterAtATime() {
        assertThat(ReferenceEvaluator.like("a*c", "abbc")).isTrue();
        assertThat(ReferenceEvaluator.like("a*c", "abb")).isFalse();
        assertThat(ReferenceEvaluator.like("a?c", "ac")).isFalse();
        assertThat(ReferenceEvaluator.like("a?c", "abc")).isTrue();
        assertThat(ReferenceEvaluator.like("*", "")).isTrue();
        assertThat(ReferenceEvaluator.like("", "x")).isFalse();
    }

    // ---------------------------------------------------------------- checking and shrinking

    /** One generated set of policies, as the evaluators take them. */
    record PolicyCase(List<Policy> identity, Policy boundary, Policy session, Policy resource) {

        PolicySet prepare() {
            PolicySet.Builder b = PolicySet.builder();
            identity.forEach(b::identity);
            return b.permissionsBoundary(boundary).sessionPolicy(session).resourcePolicy(resource).build();
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < identity.size(); i++) {
                sb.append("\n  identity[").append(i).append("]: ").append(PolicyWriter.write(identity.get(i)));
            }
            if (boundary != null) {
                sb.append("\n  permissionsBoundary: ").append(PolicyWriter.write(boundary));
            }
            if (session != null) {
                sb.append("\n  sessionPolicy: ").append(PolicyWriter.write(session));
            }
            if (resource != null) {
                sb.append("\n  resourcePolicy: ").append(PolicyWriter.write(resource));
            }
            return sb.toString();
        }
    }

    /** Counts what the generated cases exercised, so a generator that stops reaching a branch is noticed. */
    private static final class Tally {
        int cases;
        int allows;
        int implicitDenies;
        int explicitDenies;
        int resourcePolicyAllows;

        void count(Decision d) {
            cases++;
            switch (d.outcome()) {
                case ALLOW -> allows++;
                case IMPLICIT_DENY -> implicitDenies++;
                case EXPLICIT_DENY -> explicitDenies++;
            }
            if (d.allowed() && d.decidedBy().policy().equals("resourcePolicy")) {
                resourcePolicyAllows++;
            }
        }

        void assertEveryOutcomeIsFrequent() {
            String counts = "allows %d, implicit denies %d, explicit denies %d, resource-policy allows %d of %d"
                    .formatted(allows, implicitDenies, explicitDenies, resourcePolicyAllows, cases);
            System.out.println(counts);
            assertThat(allows).as(counts).isGreaterThan(cases / 10);
            assertThat(implicitDenies).as(counts).isGreaterThan(cases / 10);
            assertThat(explicitDenies).as(counts).isGreaterThan(cases / 10);
            assertThat(resourcePolicyAllows).as(counts).isGreaterThan(cases / 100);
        }
    }

    private static void check(PolicyCase c, Generator g, int requests, Tally t, String where) {
        PolicySet prepared = c.prepare();
        for (int q = 0; q < requests; q++) {
            Request r = g.request(c.resource() != null);
            Decision got = prepared.evaluate(r);
            if (disagreement(c, r, got) != null) {
                throw new AssertionError(where + ", request " + q + ": the evaluators disagree; shrunk to a minimal case:"
                        + shrink(c, r));
            }
            t.count(got);
        }
    }

    /** {@code null} when both evaluators decide alike, else both answers. */
    private static String disagreement(PolicyCase c, Request r, Decision got) {
        ReferenceEvaluator.Result want = ReferenceEvaluator.decide(c.identity(), c.boundary(), c.session(), c.resource(), r);
        boolean same = got.outcome().label().equals(want.outcome())
                && (want.decidedBy() == null || want.decidedBy().equals(String.valueOf(got.decidedBy())));
        return same ? null : "\n  keyhole: " + got.explain() + "\n  reference: " + want.outcome()
                + (want.decidedBy() == null ? "" : " by " + want.decidedBy());
    }

    private static String disagreement(PolicyCase c, Request r) {
        return disagreement(c, r, c.prepare().evaluate(r));
    }

    /** Removes policies, statements, conditions, values and context keys while the evaluators still disagree. */
    private static String shrink(PolicyCase c, Request r) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (PolicyCase smaller : Shrinker.smaller(c)) {
                if (disagreement(smaller, r) != null) {
                    c = smaller;
                    progress = true;
                    break;
                }
            }
            if (!progress) {
                for (Request smaller : Shrinker.smaller(r)) {
                    if (disagreement(c, smaller) != null) {
                        r = smaller;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return c.describe() + "\n  request: " + Shrinker.describe(r) + disagreement(c, r);
    }

    /** Candidate one-step reductions of a case. */
    private static final class Shrinker {

        static List<PolicyCase> smaller(PolicyCase c) {
            List<PolicyCase> out = new ArrayList<>();
            for (int i = 0; i < c.identity().size(); i++) {
                List<Policy> fewer = new ArrayList<>(c.identity());
                fewer.remove(i);
                out.add(new PolicyCase(fewer, c.boundary(), c.session(), c.resource()));
            }
            if (c.boundary() != null) {
                out.add(new PolicyCase(c.identity(), null, c.session(), c.resource()));
            }
            if (c.session() != null) {
                out.add(new PolicyCase(c.identity(), c.boundary(), null, c.resource()));
            }
            if (c.resource() != null) {
                out.add(new PolicyCase(c.identity(), c.boundary(), c.session(), null));
            }
            for (int i = 0; i < c.identity().size(); i++) {
                int at = i;
                for (Policy p : smaller(c.identity().get(i))) {
                    List<Policy> ids = new ArrayList<>(c.identity());
                    ids.set(at, p);
                    out.add(new PolicyCase(ids, c.boundary(), c.session(), c.resource()));
                }
            }
            if (c.boundary() != null) {
                smaller(c.boundary()).forEach(p -> out.add(new PolicyCase(c.identity(), p, c.session(), c.resource())));
            }
            if (c.session() != null) {
                smaller(c.session()).forEach(p -> out.add(new PolicyCase(c.identity(), c.boundary(), p, c.resource())));
            }
            if (c.resource() != null) {
                smaller(c.resource()).forEach(p -> out.add(new PolicyCase(c.identity(), c.boundary(), c.session(), p)));
            }
            return out;
        }

        static List<Policy> smaller(Policy p) {
            List<Policy> out = new ArrayList<>();
            List<Statement> ss = p.statements();
            for (int i = 0; i < ss.size(); i++) {
                if (ss.size() > 1) {
                    List<Statement> fewer = new ArrayList<>(ss);
                    fewer.remove(i);
                    out.add(new Policy(p.version(), p.id(), fewer));
                }
                for (Statement s : smaller(ss.get(i))) {
                    List<Statement> changed = new ArrayList<>(ss);
                    changed.set(i, s);
                    out.add(new Policy(p.version(), p.id(), changed));
                }
            }
            return out;
        }

        static List<Statement> smaller(Statement s) {
            List<Statement> out = new ArrayList<>();
            for (int i = 0; i < s.conditions().size(); i++) {
                List<Condition> fewer = new ArrayList<>(s.conditions());
                fewer.remove(i);
                out.add(new Statement(s.sid(), s.effect(), s.principal(), s.action(), s.resource(), fewer));
                Condition c = s.conditions().get(i);
                for (List<String> vs : fewerValues(c.values())) {
                    List<Condition> changed = new ArrayList<>(s.conditions());
                    changed.set(i, new Condition(c.operator(), c.key(), vs));
                    out.add(new Statement(s.sid(), s.effect(), s.principal(), s.action(), s.resource(), changed));
                }
            }
            for (List<String> vs : fewerValues(s.action().values())) {
                out.add(new Statement(s.sid(), s.effect(), s.principal(), new Element(vs, s.action().negated()),
                        s.resource(), s.conditions()));
            }
            if (s.resource() != null) {
                for (List<String> vs : fewerValues(s.resource().values())) {
                    out.add(new Statement(s.sid(), s.effect(), s.principal(), s.action(),
                            new Element(vs, s.resource().negated()), s.conditions()));
                }
            }
            if (s.principal() != null && !s.principal().wildcard()) {
                PrincipalElement pe = s.principal();
                for (String type : pe.byType().keySet()) {
                    List<List<String>> options = new ArrayList<>(fewerValues(pe.byType().get(type)));
                    if (pe.byType().size() > 1) {
                        options.add(null);
                    }
                    for (List<String> ids : options) {
                        Map<String, List<String>> m = new LinkedHashMap<>(pe.byType());
                        if (ids == null) {
                            m.remove(type);
                        } else {
                            m.put(type, ids);
                        }
                        out.add(new Statement(s.sid(), s.effect(), new PrincipalElement(pe.negated(), false, m),
                                s.action(), s.resource(), s.conditions()));
                    }
                }
            }
            return out;
        }

        static List<List<String>> fewerValues(List<String> values) {
            List<List<String>> out = new ArrayList<>();
            for (int i = 0; values.size() > 1 && i < values.size(); i++) {
                List<String> fewer = new ArrayList<>(values);
                fewer.remove(i);
                out.add(fewer);
            }
            return out;
        }

        static List<Request> smaller(Request r) {
            List<Request> out = new ArrayList<>();
            Map<String, ContextValue> ctx = r.context().asMap();
            for (String key : ctx.keySet()) {
                RequestContext.Builder b = RequestContext.builder();
                ctx.forEach((k, v) -> {
                    if (!k.equals(key)) {
                        b.put(k, v);
                    }
                });
                Request fewer = new Request(r.principal(), r.action(), r.resource(), b.build());
                // The request re-adds principal-derived keys; only a real removal is progress.
                if (fewer.context().asMap().size() < ctx.size()) {
                    out.add(fewer);
                }
                ContextValue v = ctx.get(key);
                for (List<String> vs : fewerValues(v.values())) {
                    RequestContext.Builder c = r.context().toBuilder();
                    c.put(key, ContextValue.ofSet(vs));
                    out.add(new Request(r.principal(), r.action(), r.resource(), c.build()));
                }
            }
            return out;
        }

        static String describe(Request r) {
            Principal p = r.principal();
            StringBuilder ctx = new StringBuilder();
            r.context().asMap().forEach((k, v) -> ctx.append(ctx.isEmpty() ? "" : ", ").append(k).append('=')
                    .append(v.multivalued() ? v.values().toString() : "`" + v.values().get(0) + "`"));
            return r.action() + " on " + r.resource() + " by " + p.type() + " " + p.arn() + " (account " + p.account()
                    + ", id " + p.id() + ") with context {" + ctx + "}";
        }
    }

    // ---------------------------------------------------------------- generators

    /** Draws policies and requests from small shared pools, so that matches are frequent. */
    private static final class Generator {

        private static final String ACCOUNT = "111122223333";
        private static final String OTHER_ACCOUNT = "444455556666";
        private static final String T = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/";
        private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/keyhole-exec";
        private static final String SESSION_1 = "arn:aws:sts::" + ACCOUNT + ":assumed-role/keyhole-exec/kh-1";
        private static final String SESSION_2 = "arn:aws:sts::" + ACCOUNT + ":assumed-role/keyhole-exec/kh-2";
        private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
        private static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/ops/bob";
        private static final String CAROL = "arn:aws:sts::" + ACCOUNT + ":federated-user/carol";
        private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
        private static final String MALLORY = "arn:aws:iam::" + OTHER_ACCOUNT + ":user/mallory";

        private static final Principal[] CALLERS = {
            new Principal(PrincipalType.USER, ALICE, "AIDAALICE", ACCOUNT, Map.of("team", "payments")),
            new Principal(PrincipalType.USER, BOB, "AIDABOB", ACCOUNT, Map.of()),
            new Principal(PrincipalType.ASSUMED_ROLE, SESSION_1, "AROAEXEC:kh-1", ACCOUNT,
                    Map.of("team", "payments", "env", "prod")),
            new Principal(PrincipalType.ASSUMED_ROLE, SESSION_1, "AROAEXEC:kh-1", ACCOUNT, Map.of()),
            new Principal(PrincipalType.ASSUMED_ROLE, SESSION_2, "AROAEXEC:kh-2", ACCOUNT, Map.of("team", "a*b")),
            new Principal(PrincipalType.ROLE, ROLE_ARN, "AROAEXEC", ACCOUNT, Map.of()),
            new Principal(PrincipalType.FEDERATED_USER, CAROL, ACCOUNT + ":carol", ACCOUNT, Map.of()),
            new Principal(PrincipalType.ROOT, ROOT, ACCOUNT, ACCOUNT, Map.of()),
            new Principal(PrincipalType.USER, MALLORY, "AIDAMALLORY", OTHER_ACCOUNT, Map.of("team", "payments")),
            new Principal(PrincipalType.SERVICE, "dynamodb.amazonaws.com", null, null, Map.of()),
            new Principal(PrincipalType.ANONYMOUS, "*", null, null, Map.of()),
        };
        private static final int[] CALLER_WEIGHTS = {18, 6, 20, 6, 10, 4, 4, 4, 8, 5, 5};

        private static final String[] ACTIONS = {"dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan",
            "dynamodb:PutItem", "DynamoDB:query", "s3:GetObject", "sts:AssumeRole"};
        private static final String[] ACTION_PATTERNS = {"dynamodb:Query", "dynamodb:GetItem", "dynamodb:Get*",
            "dynamodb:*", "*", "DynamoDB:query", "dynamodb:?can", "dynamodb:*Item", "s3:*", "sts:AssumeRole",
            "dynamodb:Q*y", "dynamodb:Scan", "dynamodb:PutItem"};
        private static final String[] RESOURCES = {T + "A", T + "B", T + "A/index/I", T + "alice", T + "payments",
            T + "a*b", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/A", "arn:aws:s3:::bucket/x", ROLE_ARN, "*",
            // An S3 key may hold colons: a star that crossed components would match the account here.
            "arn:aws:s3:::bucket/x:" + ACCOUNT + ":y"};
        private static final String[] CROSS_ACCOUNT_RESOURCES = {
            "arn:aws:dynamodb:eu-west-1:" + OTHER_ACCOUNT + ":table/A"};
        private static final String[] RESOURCE_PATTERNS = {T + "A", T + "B", T + "A/index/I", T + "A*", T + "*", "*",
            T + "${aws:username}", T + "${aws:PrincipalTag/team}", T + "${aws:PrincipalTag/team, 'B'}",
            "arn:aws:dynamodb:*:" + ACCOUNT + ":table/B", T + "?", T + "A/index/*", "arn:aws:s3:::bucket/*",
            "arn:aws:dynamodb:eu-west-1:*:table/A", T + "${k:s}", T + "a${*}b", "arn:aws:*:*:*:*", ROLE_ARN,
            "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":*", "arn:aws:dynamodb:*:table/A", "arn:aws:*:*:" + ACCOUNT + ":*"};

        private static final String[] AWS_IDS = {"*", ACCOUNT, ROOT, ALICE, BOB, SESSION_1, SESSION_2, ROLE_ARN, CAROL,
            OTHER_ACCOUNT, MALLORY, "arn:aws:iam::" + ACCOUNT + ":user/*"};
        private static final String[] SERVICE_IDS = {"dynamodb.amazonaws.com", "s3.amazonaws.com"};
        private static final String[] FEDERATED_IDS = {"accounts.google.com", "cognito-identity.amazonaws.com"};
        private static final String[] CANONICAL_IDS = {"AIDAALICE", "AROAEXEC:kh-1"};

        /** Context keys with the values requests draw for them. */
        private static final Map<String, String[]> CONTEXT = new LinkedHashMap<>();

        static {
            String[] strings = {"a", "b", "A", "ab", "a*b", "alice", "payments"};
            CONTEXT.put("k:s", strings);
            CONTEXT.put("k:m", strings);
            CONTEXT.put("k:n", new String[] {"0", "1", "5", "7.5", "10", "-3", "1e1", " 5 ", "x"});
            CONTEXT.put("k:d", new String[] {"2026-11-24T10:00:00Z", "2026-11-25T10:00:00Z", "2026-11-25T12:00:00+02:00",
                "2026-11-25", "1795600800", "1795600800.5", "2026-11-25T10:00:00", "x"});
            CONTEXT.put("k:b", new String[] {"true", "false", "TRUE", "yes"});
            CONTEXT.put("k:ip", new String[] {"10.0.0.7", "10.0.0.6", "11.0.0.1", "10.1.2.3", "192.168.1.1", "2001:db8::1", "::1",
                "2001:0db8:0:0:0:0:0:7", "bogus", "10.0.0.0/8", "256.1.1.1"});
            CONTEXT.put("k:arn", new String[] {T + "A", T + "B", ROLE_ARN, ALICE, "not-an-arn", "arn:aws:s3:::bucket/x",
                "arn:aws:s3:::bucket/x:" + ACCOUNT + ":y"});
            CONTEXT.put("k:bin", new String[] {"QUJD", "QUJE", "!!", " QUJD"});
            CONTEXT.put("aws:FederatedProvider", new String[] {"accounts.google.com"});
        }

        /** Condition keys each operator family is usually asked about. */
        private static final Map<OperatorFamily, String> KEY_OF = Map.of(OperatorFamily.STRING, "k:s",
                OperatorFamily.NUMERIC, "k:n", OperatorFamily.DATE, "k:d", OperatorFamily.BOOL, "k:b",
                OperatorFamily.BINARY, "k:bin", OperatorFamily.IP_ADDRESS, "k:ip", OperatorFamily.ARN, "k:arn",
                OperatorFamily.NULL, "k:s");

        /** Policy values per operator family: valid ones, wildcards, variables and a few that are not of the type. */
        private static final Map<OperatorFamily, String[]> VALUES_OF = Map.of(
                OperatorFamily.STRING, new String[] {"a", "b", "A", "a*", "*b", "?", "ab", "a${*}b", "${k:s}",
                    "${aws:username}", "${aws:PrincipalTag/team}", "${k:absent, 'a'}", "${k:m}", "${aws:username}*",
                    "payments", "*", "a*b"},
                OperatorFamily.NUMERIC, new String[] {"1", "5", "7.5", "10", "-3", "5.0", "x"},
                OperatorFamily.DATE, new String[] {"2026-11-25T10:00:00Z", "2026-11-25T11:00:00+01:00", "2026-11-25",
                    "1795600800", "2026-11-24T23:59:59Z", "x"},
                OperatorFamily.BOOL, new String[] {"true", "false", "True", "maybe"},
                OperatorFamily.BINARY, new String[] {"QUJD", "QUJE", "%%"},
                OperatorFamily.IP_ADDRESS, new String[] {"10.0.0.0/8", "10.0.0.7", "192.168.0.0/16", "2001:db8::/32",
                    "::1/128", "0.0.0.0/0", "garbage", "10.0.0.0/33", "10.0.0.0/"},
                OperatorFamily.ARN, new String[] {T + "A", T + "*", "arn:aws:*:*:" + ACCOUNT + ":*",
                    "arn:aws:iam::" + ACCOUNT + ":user/${aws:username}", T + "${k:s}", "*",
                    "arn:aws:iam::*:role/keyhole-?xec", "arn:aws:s3:::bucket/*"},
                OperatorFamily.NULL, new String[] {"true", "false"});

        private static final OperatorFamily[] FAMILIES = OperatorFamily.values();
        private static final int[] FAMILY_WEIGHTS = {35, 10, 10, 7, 5, 10, 13, 10};

        private final Random r;

        Generator(Random r) {
            this.r = r;
        }

        PolicyCase policySet(boolean large) {
            List<Policy> identity = new ArrayList<>();
            int n = large ? 1 + r.nextInt(2) : r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                identity.add(policy(large && i == 0 ? 40 + r.nextInt(41) : 1 + r.nextInt(6), false, large));
            }
            Policy boundary = r.nextInt(10) < 3 ? policy(size(large), false, large) : null;
            Policy session = r.nextInt(10) < 3 ? policy(size(large), false, large) : null;
            Policy resource = r.nextInt(10) < 4 ? policy(size(large), true, large) : null;
            return new PolicyCase(identity, boundary, session, resource);
        }

        private int size(boolean large) {
            return large && r.nextBoolean() ? 16 + r.nextInt(40) : 1 + r.nextInt(4);
        }

        /** In a large policy Deny statements are rarer and mostly conditional, or nearly every request would hit one. */
        Policy policy(int statements, boolean resourcePolicy, boolean large) {
            List<Statement> ss = new ArrayList<>();
            for (int i = 0; i < statements; i++) {
                ss.add(statement(i, resourcePolicy, large));
            }
            String version = switch (r.nextInt(8)) {
                case 0 -> Policy.VERSION_2008;
                case 1 -> null;
                default -> Policy.VERSION_2012;
            };
            return new Policy(version, null, ss);
        }

        private Statement statement(int index, boolean resourcePolicy, boolean large) {
            String sid = switch (r.nextInt(20)) {
                case 0 -> "";
                case 1, 2, 3, 4, 5 -> null;
                default -> "S" + index;
            };
            Effect effect = r.nextInt(large ? 24 : 4) == 0 ? Effect.DENY : Effect.ALLOW;
            Element action = new Element(some(ACTION_PATTERNS, 3), r.nextInt(8) == 0);
            Element resource = resourcePolicy && r.nextInt(4) == 0 ? null
                    : new Element(some(RESOURCE_PATTERNS, 3), r.nextInt(8) == 0);
            List<Condition> conditions = new ArrayList<>();
            int nc = new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 3}[r.nextInt(10)];
            if (large && effect == Effect.DENY) {
                nc = 1 + r.nextInt(2);
            }
            for (int i = 0; i < nc; i++) {
                Condition c = condition();
                // A JSON condition block cannot hold the same operator and key twice.
                if (conditions.stream().noneMatch(o -> o.operator().equals(c.operator()) && o.key().equals(c.key()))) {
                    conditions.add(c);
                }
            }
            return new Statement(sid, effect, resourcePolicy ? principal() : null, action, resource, conditions);
        }

        private PrincipalElement principal() {
            boolean negated = r.nextInt(5) == 0;
            if (r.nextInt(7) == 0) {
                return new PrincipalElement(negated, true, Map.of());
            }
            Map<String, List<String>> byType = new LinkedHashMap<>();
            byType.put("AWS", some(AWS_IDS, 4));
            if (r.nextInt(6) == 0) {
                byType.put("Service", some(SERVICE_IDS, 2));
            }
            if (r.nextInt(10) == 0) {
                byType.put("Federated", some(FEDERATED_IDS, 1));
            }
            if (r.nextInt(10) == 0) {
                byType.put("CanonicalUser", some(CANONICAL_IDS, 2));
            }
            if (r.nextInt(5) == 0) {
                byType.remove("AWS");
                if (byType.isEmpty()) {
                    byType.put("Service", some(SERVICE_IDS, 2));
                }
            }
            avoidKnownDivergences(negated, byType);
            return new PrincipalElement(negated, false, byType);
        }

        /**
         * Steers clear of the two principal shapes on which keyhole is known to differ from the reference
         * (pinned by the example tests above), so that the generated cases stay green and keep finding new
         * differences: a role session named both through its role and directly, and an account listed in
         * {@code NotPrincipal} by its id alone.
         */
        private static void avoidKnownDivergences(boolean negated, Map<String, List<String>> byType) {
            List<String> aws = byType.get("AWS");
            if (aws == null) {
                return;
            }
            List<String> ids = new ArrayList<>(aws);
            if (byType.containsKey("CanonicalUser") || byType.containsKey("Federated")) {
                ids.remove(ROLE_ARN);
            }
            if (negated && ids.contains(ACCOUNT) && !ids.contains(ROOT)) {
                ids.add(ROOT);
            }
            if (ids.isEmpty()) {
                byType.remove("AWS");
            } else {
                byType.put("AWS", ids);
            }
        }

        private Condition condition() {
            OperatorFamily family = FAMILIES[weighted(FAMILY_WEIGHTS)];
            List<BaseOperator> ops = Arrays.stream(BaseOperator.values()).filter(o -> o.family() == family).toList();
            BaseOperator op = ops.get(r.nextInt(ops.size()));
            SetQualifier q = switch (r.nextInt(10)) {
                case 0, 1 -> SetQualifier.FOR_ALL_VALUES;
                case 2, 3 -> SetQualifier.FOR_ANY_VALUE;
                default -> SetQualifier.NONE;
            };
            if (family == OperatorFamily.NULL && r.nextInt(4) != 0) {
                q = SetQualifier.NONE;
            }
            String key = switch (r.nextInt(20)) {
                case 0 -> "k:none";
                case 1, 2 -> pick(CONTEXT.keySet().toArray(String[]::new));
                case 3 -> KEY_OF.get(family).toUpperCase(Locale.ROOT);
                case 4, 5 -> family == OperatorFamily.STRING || family == OperatorFamily.NULL ? "k:m" : KEY_OF.get(family);
                default -> KEY_OF.get(family);
            };
            return new Condition(new ConditionOperator(q, op, r.nextInt(4) == 0), key, some(VALUES_OF.get(family), 3));
        }

        /**
         * A request. Cross-account requests (a caller from another account, or a table in another account)
         * are drawn only when a resource policy is present: without one keyhole is known to decide them
         * as same-account requests (pinned by an example test above).
         */
        Request request(boolean crossAccount) {
            Principal p;
            do {
                p = CALLERS[weighted(CALLER_WEIGHTS)];
            } while (!crossAccount && OTHER_ACCOUNT.equals(p.account()));
            String resource = crossAccount && r.nextInt(12) == 0 ? pick(CROSS_ACCOUNT_RESOURCES) : pick(RESOURCES);
            RequestContext.Builder ctx = RequestContext.builder();
            for (Map.Entry<String, String[]> e : CONTEXT.entrySet()) {
                boolean federated = e.getKey().startsWith("aws:");
                int roll = r.nextInt(20);
                if (federated ? roll < 17 : roll < 6) {
                    continue;
                }
                if (roll < 15 || federated) {
                    ctx.put(e.getKey(), pick(e.getValue()));
                } else {
                    ctx.putSet(e.getKey(), r.nextInt(6) == 0 ? List.of() : some(e.getValue(), 3));
                }
            }
            return new Request(p, pick(ACTIONS), resource, ctx.build());
        }

        private String pick(String[] pool) {
            return pool[r.nextInt(pool.length)];
        }

        /** One to {@code max} distinct values from the pool. */
        private List<String> some(String[] pool, int max) {
            List<String> out = new ArrayList<>();
            int n = 1 + r.nextInt(max);
            for (int i = 0; i < n; i++) {
                String v = pick(pool);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
            return out;
        }

        private int weighted(int[] weights) {
            int total = Arrays.stream(weights).sum();
            int roll = r.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            throw new AssertionError();
        }
    }
}
