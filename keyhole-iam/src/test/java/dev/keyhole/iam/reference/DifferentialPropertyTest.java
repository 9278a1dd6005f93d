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
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * keyhole's prepared, indexed evaluator agrees with the reference evaluator on generated policies and
 * requests (outcome, and the deciding statement for allows and explicit denies), and generated
 * policies survive the canonical writer: {@code parse(write(p)).equals(p)}.
 */
class DifferentialPropertyTest {

    private static final String[] ACTIONS = {"dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "s3:GetObject"};
    private static final String[] ACTION_PATTERNS = {"dynamodb:Query", "dynamodb:Get*", "dynamodb:*", "*",
        "s3:GetObject", "dynamodb:?can", "DynamoDB:query", "dynamodb:Q*y"};
    private static final String T = "arn:aws:dynamodb:eu-west-1:111122223333:table/";
    private static final String[] RESOURCES = {T + "A", T + "B", T + "A/index/I", T + "alice", "arn:aws:s3:::bucket/x"};
    private static final String[] RESOURCE_PATTERNS = {T + "A", T + "A*", T + "*", "*", T + "${aws:username}",
        "arn:aws:dynamodb:*:111122223333:table/B", T + "?", T + "A/index/I", "arn:aws:s3:::bucket/*"};
    private static final String[] STRINGS = {"a", "b", "A", "ab", "alice"};
    private static final String[] STRING_PATTERNS = {"a", "b", "a*", "?", "A", "${aws:username}", "*"};
    private static final BaseOperator[] STRING_OPS = {BaseOperator.STRING_EQUALS, BaseOperator.STRING_NOT_EQUALS,
        BaseOperator.STRING_LIKE, BaseOperator.STRING_NOT_LIKE, BaseOperator.STRING_EQUALS_IGNORE_CASE,
        BaseOperator.STRING_NOT_EQUALS_IGNORE_CASE};

    private static <X> X pick(Random r, X[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    private static List<String> some(Random r, String[] pool, int max) {
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(max);
        for (int i = 0; i < n; i++) {
            String v = pick(r, pool);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static Condition condition(Random r) {
        SetQualifier q = pick(r, SetQualifier.values());
        boolean ifExists = r.nextInt(4) == 0;
        return switch (r.nextInt(6)) {
            case 0, 1, 2 -> new Condition(new ConditionOperator(q, pick(r, STRING_OPS), ifExists),
                    pick(r, new String[] {"k:single", "k:multi", "K:Single"}), some(r, STRING_PATTERNS, 3));
            case 3 -> new Condition(new ConditionOperator(SetQualifier.NONE,
                    pick(r, new BaseOperator[] {BaseOperator.NUMERIC_LESS_THAN, BaseOperator.NUMERIC_EQUALS,
                        BaseOperator.NUMERIC_NOT_EQUALS, BaseOperator.NUMERIC_GREATER_THAN_EQUALS}), ifExists),
                    "k:number", some(r, new String[] {"1", "5", "10", "2.5"}, 2));
            case 4 -> r.nextBoolean()
                    ? new Condition(new ConditionOperator(SetQualifier.NONE, r.nextBoolean()
                        ? BaseOperator.DATE_LESS_THAN : BaseOperator.DATE_GREATER_THAN, ifExists), "k:date",
                        List.of("2026-11-25T10:00:00Z"))
                    : new Condition(new ConditionOperator(SetQualifier.NONE, BaseOperator.BOOL, ifExists), "k:bool",
                        List.of(r.nextBoolean() ? "true" : "false"));
            default -> new Condition(new ConditionOperator(SetQualifier.NONE, BaseOperator.NULL, false),
                    pick(r, new String[] {"k:single", "k:multi", "k:absent"}), List.of(r.nextBoolean() ? "true" : "false"));
        };
    }

    private static Policy policy(Random r, int maxStatements) {
        List<Statement> statements = new ArrayList<>();
        int n = 1 + r.nextInt(maxStatements);
        for (int i = 0; i < n; i++) {
            List<Condition> conditions = new ArrayList<>();
            int nc = r.nextInt(3);
            for (int c = 0; c < nc; c++) {
                Condition cond = condition(r);
                // JSON cannot hold the same operator and key twice in one block.
                if (conditions.stream().noneMatch(o -> o.operator().equals(cond.operator())
                        && o.key().equals(cond.key()))) {
                    conditions.add(cond);
                }
            }
            statements.add(new Statement(r.nextInt(3) == 0 ? null : "S" + i,
                    r.nextInt(4) == 0 ? Effect.DENY : Effect.ALLOW, null,
                    new Element(some(r, ACTION_PATTERNS, 2), r.nextInt(8) == 0),
                    new Element(some(r, RESOURCE_PATTERNS, 2), r.nextInt(8) == 0), conditions));
        }
        return new Policy(r.nextInt(6) == 0 ? Policy.VERSION_2008 : Policy.VERSION_2012, null, statements);
    }

    private static Request request(Random r) {
        boolean user = r.nextBoolean();
        Principal p = user
                ? new Principal(PrincipalType.USER, "arn:aws:iam::111122223333:user/alice", "AIDAALICE", "111122223333", Map.of())
                : new Principal(PrincipalType.ASSUMED_ROLE, "arn:aws:sts::111122223333:assumed-role/r/s", "AROAR:s",
                        "111122223333", Map.of());
        RequestContext.Builder ctx = RequestContext.builder();
        if (r.nextInt(4) != 0) {
            ctx.put("k:single", pick(r, STRINGS));
        }
        if (r.nextInt(4) != 0) {
            ctx.putSet("k:multi", r.nextInt(5) == 0 ? List.of() : some(r, STRINGS, 3));
        }
        if (r.nextInt(3) != 0) {
            ctx.put("k:number", pick(r, new String[] {"0", "1", "5", "7.5", "12", "x"}));
        }
        if (r.nextBoolean()) {
            ctx.put("k:date", pick(r, new String[] {"2026-11-24T10:00:00Z", "2026-11-26T00:00:00Z"}));
        }
        if (r.nextBoolean()) {
            ctx.put("k:bool", pick(r, new String[] {"true", "false"}));
        }
        return new Request(p, pick(r, ACTIONS), pick(r, RESOURCES), ctx.build());
    }

    @Test
    void preparedEvaluatorAgreesWithTheReferenceOnGeneratedPoliciesAndRequests() {
        Random r = new Random(20261125L);
        int cases = 0;
        int allows = 0;
        int denies = 0;
        for (int round = 0; round < 2_500; round++) {
            boolean large = round % 10 == 0;
            List<Policy> identity = new ArrayList<>();
            int np = 1 + r.nextInt(2);
            for (int i = 0; i < np; i++) {
                identity.add(policy(r, large ? 60 : 6));
            }
            Policy boundary = r.nextInt(3) == 0 ? policy(r, 4) : null;
            Policy session = r.nextInt(3) == 0 ? policy(r, 4) : null;
            PolicySet.Builder b = PolicySet.builder();
            identity.forEach(b::identity);
            PolicySet set = b.permissionsBoundary(boundary).sessionPolicy(session).build();
            for (Policy p : identity) {
                assertThat(PolicyParser.parse(PolicyWriter.write(p)).equals(p)).as("round trip of %s",
                        PolicyWriter.write(p)).isTrue();
            }
            for (int q = 0; q < 8; q++) {
                Request req = request(r);
                Decision got = set.evaluate(req);
                ReferenceEvaluator.Result want = ReferenceEvaluator.decide(identity, boundary, session, req);
                assertThat(got.outcome().label()).as("policies %s\nboundary %s\nsession %s\nrequest %s",
                        identity.stream().map(PolicyWriter::write).toList(),
                        boundary == null ? null : PolicyWriter.write(boundary),
                        session == null ? null : PolicyWriter.write(session), req).isEqualTo(want.outcome());
                if (want.decidedBy() != null) {
                    assertThat(String.valueOf(got.decidedBy())).isEqualTo(want.decidedBy());
                }
                cases++;
                allows += got.allowed() ? 1 : 0;
                denies += got.outcome().label().equals("ExplicitDeny") ? 1 : 0;
            }
        }
        assertThat(cases).isEqualTo(20_000);
        assertThat(allows).as("the generator must produce allows").isGreaterThan(1_000);
        assertThat(denies).as("the generator must produce explicit denies").isGreaterThan(1_000);
    }

    @Test
    void theReferenceWildcardMatcherIsItselfRight() {
        assertThat(ReferenceEvaluator.wild("a*c", "abbc")).isTrue();
        assertThat(ReferenceEvaluator.wild("a?c", "ac")).isFalse();
        assertThat(ReferenceEvaluator.wild("a\0*", "a*")).isTrue();
        assertThat(ReferenceEvaluator.wild("a\0*", "ab")).isFalse();
    }
}
