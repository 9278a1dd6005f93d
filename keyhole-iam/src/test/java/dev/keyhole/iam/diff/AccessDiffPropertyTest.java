package dev.keyhole.iam.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.iam.catalog.Catalog;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import dev.keyhole.iam.simulate.CaseReader;
import dev.keyhole.iam.simulate.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated policy pairs: every witness the diff gives is confirmed by the simulation path (the case
 * JSON {@code keyhole policy simulate --cases} reads, decided by {@link Simulator}), and every "no new
 * access" answer survives a sample of random requests drawn from wider pools than the diff's own
 * (other actions, tables, regions, keys and values). Like the diff, samples only give an action the
 * DynamoDB keys its requests can carry (the catalog's list). Seeds are fixed so a failure reproduces.
 */
class AccessDiffPropertyTest {

    private static final long[] SEEDS = {3L, 11L, 2026L, 0xD1FFL};
    private static final int PAIRS_PER_SEED = 60;
    private static final int SAMPLES = 1500;
    private static final String T = "arn:aws:dynamodb:eu-west-1:111122223333:table/";

    private static final String[] ACTIONS = {"dynamodb:Query", "dynamodb:Scan", "dynamodb:GetItem", "dynamodb:PutItem",
        "dynamodb:Get*", "dynamodb:*", "dynamodb:Batch*", "dynamodb:Q?ery"};
    private static final String[] RESOURCES = {T + "Orders", T + "Orders/index/byStatus", T + "Or*", T + "*", "*",
        "arn:aws:dynamodb:us-east-1:111122223333:table/Orders", T + "Orders/*"};
    private static final String[] SAMPLE_ACTIONS = {"dynamodb:Query", "dynamodb:Scan", "dynamodb:GetItem",
        "dynamodb:PutItem", "dynamodb:BatchGetItem", "dynamodb:DeleteTable", "dynamodb:DescribeTable", "s3:GetObject"};
    private static final String[] SAMPLE_RESOURCES = {T + "Orders", T + "Orders/index/byStatus", T + "Ordinary",
        T + "Payments", T + "Orders/index/other", "arn:aws:dynamodb:us-east-1:111122223333:table/Orders",
        "arn:aws:dynamodb:eu-west-1:111122223333:table/Or", "arn:aws:s3:::bucket/key"};

    private record Pair(Policy before, Policy after) {}

    @Test
    void witnessesAreConfirmedBySimulationAndNoNewAccessSurvivesSampling() {
        int witnesses = 0;
        int none = 0;
        AccessDiff diff = AccessDiff.withBound(2_000_000);
        for (long seed : SEEDS) {
            Random r = new Random(seed);
            for (int i = 0; i < PAIRS_PER_SEED; i++) {
                Pair p = pair(r);
                DiffResult result = diff.compare(List.of(p.before()), List.of(p.after()));
                String where = "seed " + seed + " pair " + i + "\nOLD " + PolicyWriter.write(p.before())
                        + "\nNEW " + PolicyWriter.write(p.after());
                assertThat(result.boundHit()).as(where).isFalse();
                if (result.witness().isPresent()) {
                    witnesses++;
                    Witness w = result.witness().get();
                    assertThat(simulate(w, p.after())).as(where + "\nwitness " + w.describe()).isTrue();
                    assertThat(simulate(w, p.before())).as(where + "\nwitness " + w.describe()).isFalse();
                } else {
                    none++;
                    sampleFindsNothingNew(p, r, where);
                }
            }
        }
        assertThat(witnesses).isGreaterThan(40);
        assertThat(none).isGreaterThan(40);
    }

    private static boolean simulate(Witness w, Policy policy) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("name", "witness");
        c.set("request", w.requestJson());
        ArrayNode ids = c.putArray("identityPolicies");
        ids.add(PolicyWriter.toTree(policy));
        return Simulator.evaluate(CaseReader.read(c)).allowed();
    }

    private static void sampleFindsNothingNew(Pair p, Random r, String where) {
        PolicySet before = PolicySet.builder().identity(p.before()).build();
        PolicySet after = PolicySet.builder().identity(p.after()).build();
        for (int i = 0; i < SAMPLES; i++) {
            String resource = SAMPLE_RESOURCES[r.nextInt(SAMPLE_RESOURCES.length)];
            RequestContext.Builder ctx = RequestContext.builder();
            if (r.nextInt(4) > 0) {
                ctx.put("aws:RequestedRegion", pick(r, "eu-west-1", "us-east-1", "ap-south-1"));
            }
            if (r.nextInt(3) > 0) {
                List<String> keys = new ArrayList<>();
                for (int k = r.nextInt(3); k > 0; k--) {
                    keys.add(pick(r, "C1", "C2", "C3"));
                }
                ctx.putSet("dynamodb:LeadingKeys", keys);
            }
            if (r.nextBoolean()) {
                ctx.put("dynamodb:Select", pick(r, "SPECIFIC_ATTRIBUTES", "ALL_ATTRIBUTES", "COUNT", "SPECIAL"));
            }
            if (r.nextBoolean()) {
                ctx.putSet("dynamodb:Attributes", r.nextBoolean() ? List.of("a") : List.of("a", "z"));
            }
            if (r.nextBoolean()) {
                ctx.put("aws:MultiFactorAuthAge", pick(r, "10", "3599", "3600", "99999"));
            }
            if (r.nextBoolean()) {
                ctx.put("aws:CurrentTime", pick(r, "2026-11-30T23:59:59Z", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"));
            }
            if (r.nextBoolean()) {
                ctx.put("aws:SecureTransport", pick(r, "true", "false"));
            }
            String action = pick(r, SAMPLE_ACTIONS);
            Request req = new Request(AccessDiff.principalFor(resource), action, resource, realistic(action, ctx.build()));
            boolean widened = after.evaluate(req).allowed() && !before.evaluate(req).allowed();
            assertThat(widened).as(where + "\nsampled " + req).isFalse();
        }
    }

    /** Drops the DynamoDB keys that requests for the action never carry (per the catalog), as AWS would. */
    private static RequestContext realistic(String action, RequestContext ctx) {
        var info = Catalog.aws().action(action);
        RequestContext.Builder b = RequestContext.builder();
        ctx.asMap().forEach((k, v) -> {
            if (info.isEmpty() || !k.startsWith("dynamodb:") || Catalog.aws().supports(info.get(), k)) {
                b.put(k, v);
            }
        });
        return b.build();
    }

    private static Pair pair(Random r) {
        Policy before = policy(r);
        Policy after = switch (r.nextInt(4)) {
            case 0 -> policy(r);
            case 1 -> narrowed(before, r);
            case 2 -> before;
            default -> widened(before, r);
        };
        return new Pair(before, after);
    }

    private static Policy policy(Random r) {
        List<Statement> statements = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            statements.add(statement(r, i < n - 1 || r.nextInt(4) > 0 ? Effect.ALLOW : Effect.DENY));
        }
        return new Policy(Policy.VERSION_2012, null, statements);
    }

    private static Statement statement(Random r, Effect effect) {
        Element action = r.nextInt(8) == 0 ? Element.not(pick(r, ACTIONS)) : Element.of(pick(r, ACTIONS));
        Element resource = r.nextInt(10) == 0 ? Element.not(pick(r, RESOURCES)) : Element.of(pick(r, RESOURCES));
        List<Condition> conditions = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            Condition c = condition(r);
            if (conditions.stream().noneMatch(x -> x.operator().equals(c.operator()) && x.key().equals(c.key()))) {
                conditions.add(c);
            }
        }
        return new Statement(null, effect, null, action, resource, conditions);
    }

    private static Condition condition(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> new Condition(ConditionOperator.of(BaseOperator.STRING_EQUALS), "aws:RequestedRegion",
                    List.of(pick(r, "eu-west-1", "us-east-1")));
            case 1 -> new Condition(new ConditionOperator(SetQualifier.FOR_ALL_VALUES, BaseOperator.STRING_EQUALS, false),
                    "dynamodb:LeadingKeys", r.nextBoolean() ? List.of("C1") : List.of("C1", "C2"));
            case 2 -> new Condition(ConditionOperator.of(BaseOperator.NULL), "dynamodb:LeadingKeys", List.of("false"));
            case 3 -> new Condition(ConditionOperator.of(BaseOperator.STRING_EQUALS), "dynamodb:Select",
                    List.of("SPECIFIC_ATTRIBUTES"));
            case 4 -> new Condition(ConditionOperator.of(BaseOperator.STRING_LIKE), "dynamodb:Select", List.of("SPEC*"));
            case 5 -> new Condition(ConditionOperator.of(BaseOperator.NUMERIC_LESS_THAN), "aws:MultiFactorAuthAge",
                    List.of("3600"));
            case 6 -> new Condition(ConditionOperator.of(BaseOperator.DATE_LESS_THAN), "aws:CurrentTime",
                    List.of("2026-12-01T00:00:00Z"));
            case 7 -> new Condition(ConditionOperator.of(BaseOperator.BOOL), "aws:SecureTransport", List.of("true"));
            case 8 -> new Condition(new ConditionOperator(SetQualifier.NONE, BaseOperator.STRING_NOT_EQUALS, r.nextBoolean()),
                    "aws:RequestedRegion", List.of("us-east-1"));
            default -> new Condition(new ConditionOperator(SetQualifier.FOR_ANY_VALUE, BaseOperator.STRING_EQUALS, false),
                    "dynamodb:Attributes", List.of("a", "b"));
        };
    }

    /** The same policy with one more condition on one Allow, or one more Deny: never more access. */
    private static Policy narrowed(Policy p, Random r) {
        List<Statement> out = new ArrayList<>(p.statements());
        if (r.nextBoolean()) {
            out.add(statement(r, Effect.DENY));
        } else {
            int i = r.nextInt(out.size());
            Statement s = out.get(i);
            Condition c = condition(r);
            if (s.conditions().stream().noneMatch(x -> x.operator().equals(c.operator()) && x.key().equals(c.key()))) {
                List<Condition> cs = new ArrayList<>(s.conditions());
                cs.add(c);
                out.set(i, new Statement(s.sid(), s.effect(), s.principal(), s.action(), s.resource(), cs));
            }
        }
        return new Policy(p.version(), p.id(), out);
    }

    /** The same policy with one more Allow statement. */
    private static Policy widened(Policy p, Random r) {
        List<Statement> out = new ArrayList<>(p.statements());
        out.add(statement(r, Effect.ALLOW));
        return new Policy(p.version(), p.id(), out);
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }
}
