package dev.keyhole.runbook.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import dev.keyhole.runbook.bind.BoundValue;
import dev.keyhole.runbook.model.Access;
import dev.keyhole.runbook.model.Limits;
import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.ParameterType;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.model.Target;
import dev.keyhole.runbook.plan.Plan;
import dev.keyhole.runbook.plan.Planner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * For generated runbooks and bindings, the compiled session policy allows the planned request and
 * denies every mutation of it (another partition, attribute, table, index, region, operation, a
 * write, a Scan, a request after expiry). Decided by keyhole's IAM evaluator on the IAM checks the
 * mutated request really produces.
 */
class SessionPolicyPropertyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(15));
    private static final Principal SESSION = new Principal(PrincipalType.ASSUMED_ROLE,
            "arn:aws:sts::111122223333:assumed-role/keyhole-exec/kh-1", "AROAEXAMPLE:kh-1", "111122223333", Map.of());
    private static final Policy ROLE_ALLOWS_ALL_READS = PolicyParser.parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}]}""");
    private static final String[] ATTRS = {"status", "total", "createdAt", "note", "email", "items", "tier"};

    private record Generated(Runbook runbook, QuerySpec query, Plan plan, KeySchemaLookup schemas) {}

    private static Generated generate(Random r) {
        String pk = "pk" + r.nextInt(3);
        String sk = r.nextBoolean() ? "sk" + r.nextInt(3) : null;
        Map<String, Target.KeySchema> indexes = new LinkedHashMap<>();
        indexes.put("byStatus", new Target.KeySchema("status", "createdAt", Map.of()));
        Target.KeySchema keys = new Target.KeySchema(pk, sk, indexes);
        Target target = new Target("111122223333", r.nextBoolean() ? "eu-west-1" : "us-east-2",
                "T" + r.nextInt(5), null, "arn:aws:iam::111122223333:role/keyhole-exec", keys);
        Operation op = r.nextInt(3) == 0 ? Operation.GET_ITEM : Operation.QUERY;
        boolean onIndex = op == Operation.QUERY && r.nextInt(3) == 0;
        String partition = onIndex ? "status" : pk;
        List<String> projection = new ArrayList<>();
        for (String a : ATTRS) {
            if (r.nextInt(3) == 0) {
                projection.add(a);
            }
        }
        if (projection.isEmpty()) {
            projection.add("total");
        }
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("p", new Parameter("p", ParameterType.STRING, null, true, null, null, null, null, List.of(),
                null, null, false, "iso8601"));
        Map<String, String> key = new LinkedHashMap<>();
        String keyCondition = null;
        String filter = null;
        if (op == Operation.GET_ITEM) {
            key.put(pk, ":p");
            if (sk != null) {
                params.put("s", new Parameter("s", ParameterType.STRING, null, true, null, null, null, null, List.of(),
                        null, null, false, "iso8601"));
                key.put(sk, ":s");
            }
        } else {
            keyCondition = "#" + partition + " = :p";
            if (r.nextBoolean()) {
                params.put("n", new Parameter("n", ParameterType.NUMBER, null, true, null, null, null, null, List.of(),
                        null, null, false, "iso8601"));
                filter = "#total > :n";
            }
        }
        QuerySpec q = new QuerySpec("q", op, onIndex ? "byStatus" : null, keyCondition, key, filter, projection,
                true, false);
        Runbook rb = new Runbook("rb-" + r.nextInt(100), "d", "o", List.of(), target, params, Map.of("q", q),
                Limits.DEFAULT, List.of(), new Access(List.of("group:x"), true, null, 0, List.of(),
                Duration.ofMinutes(15), false), "f", "h");
        Map<String, BoundValue> bound = new LinkedHashMap<>();
        bound.put("p", new BoundValue("S", "V" + r.nextInt(1000)));
        bound.put("s", new BoundValue("S", "S" + r.nextInt(1000)));
        bound.put("n", new BoundValue("N", Integer.toString(r.nextInt(100))));
        Map<String, BoundValue> used = new LinkedHashMap<>();
        params.keySet().forEach(k -> used.put(k, bound.get(k)));
        Plan plan = Planner.plan(rb, q, used);
        return new Generated(rb, q, plan, RunbookSchemas.declared(rb));
    }

    private static boolean allowed(Policy session, String op, ObjectNode body, String region, Instant at,
                                   KeySchemaLookup schemas) {
        PolicySet set = PolicySet.builder().identity(ROLE_ALLOWS_ALL_READS).sessionPolicy(session).build();
        for (IamCheck c : DynamoIam.derive(op, body, region, "111122223333", schemas)) {
            RequestContext.Builder ctx = RequestContext.builder()
                    .put("aws:RequestedRegion", region).put("aws:CurrentTime", at.toString());
            c.keys().forEach(ctx::put);
            Decision d = set.evaluate(new Request(SESSION, c.action(), c.resource(), ctx.build()));
            if (!d.allowed()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void compiledSessionPolicyAllowsThePlanAndDeniesEveryMutation() {
        Random random = new Random(20261125L);
        int mutationsChecked = 0;
        for (int i = 0; i < 400; i++) {
            Generated g = generate(random);
            Plan plan = g.plan();
            Policy policy = SessionPolicyCompiler.compile(g.runbook().name(), "q", plan, g.schemas(), EXPIRES);
            assertThat(PolicyParser.parse(PolicyWriter.write(policy))).isEqualTo(policy);
            String op = plan.operation().api();
            String region = plan.region();
            assertThat(allowed(policy, op, plan.toJson(), region, NOW, g.schemas()))
                    .as("planned request must be allowed: %s\n%s", plan.toJson(), PolicyWriter.write(policy))
                    .isTrue();
            for (Map.Entry<String, Mutation> m : mutations(plan, g.runbook().target().keys().partition()).entrySet()) {
                Mutation mut = m.getValue();
                ObjectNode body = mut.body().apply(plan.toJson().deepCopy());
                assertThat(allowed(policy, mut.operation() == null ? op : mut.operation(), body,
                        mut.region() == null ? region : mut.region(), mut.at() == null ? NOW : mut.at(), g.schemas()))
                        .as("mutation `%s` must be denied: %s\n%s", m.getKey(), body, PolicyWriter.write(policy))
                        .isFalse();
                mutationsChecked++;
            }
        }
        assertThat(mutationsChecked).isGreaterThan(3000);
    }

    private record Mutation(String operation, String region, Instant at, UnaryOperator<ObjectNode> body) {}

    private static Map<String, Mutation> mutations(Plan plan, String pk) {
        Map<String, Mutation> m = new LinkedHashMap<>();
        boolean get = plan.operation() == Operation.GET_ITEM;
        m.put("another partition key", new Mutation(null, null, null, b -> {
            if (get) {
                ((ObjectNode) b.get("Key")).set(pk, Plan.attributeValue(new BoundValue("S", "someone-else")));
            } else {
                ((ObjectNode) b.get("ExpressionAttributeValues")).set(":p",
                        Plan.attributeValue(new BoundValue("S", "someone-else")));
            }
            return b;
        }));
        m.put("another attribute", new Mutation(null, null, null, b -> {
            b.put("ProjectionExpression", b.get("ProjectionExpression").asText() + ", #secret");
            ((ObjectNode) b.with("ExpressionAttributeNames")).put("#secret", "cardNumber");
            return b;
        }));
        m.put("every attribute", new Mutation(null, null, null, b -> {
            b.remove("ProjectionExpression");
            b.remove("Select");
            return b;
        }));
        m.put("another table", new Mutation(null, null, null, b -> b.put("TableName", "Other")));
        m.put("another region", new Mutation(null, "ap-south-1", null, b -> b));
        m.put("after expiry", new Mutation(null, null, EXPIRES.plusSeconds(1), b -> b));
        m.put("a scan", new Mutation("Scan", null, null, b -> {
            b.remove("KeyConditionExpression");
            b.remove("Key");
            return b;
        }));
        m.put("a write", new Mutation("PutItem", null, null, b -> {
            ObjectNode item = b.putObject("Item");
            if (get) {
                item.setAll((ObjectNode) b.get("Key"));
            }
            return b;
        }));
        if (!get) {
            m.put("another index", new Mutation(null, null, null, b -> b.put("IndexName", "byOther")));
            m.put("no partition key in the request", new Mutation(null, null, null, b -> {
                b.remove("KeyConditionExpression");
                return b;
            }));
            m.put("select all", new Mutation(null, null, null, b -> b.put("Select", "ALL_ATTRIBUTES")));
            if (plan.index() != null) {
                m.put("the table instead of the index", new Mutation(null, null, null, b -> {
                    b.remove("IndexName");
                    return b;
                }));
            }
        } else {
            m.put("a query", new Mutation("Query", null, null, b -> b));
        }
        return m;
    }
}
