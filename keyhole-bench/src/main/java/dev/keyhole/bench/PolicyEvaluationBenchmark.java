package dev.keyhole.bench;

import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast keyhole's IAM evaluator decides, in the two shapes keyhole asks it about.
 *
 * <ul>
 *   <li>{@link #runbookSessionDecision} (decisions/s): one request of a typical runbook execution, decided
 *       against the execution role's identity policy (a few statements) and the session policy the
 *       runbook compiler narrows it with ({@code ForAllValues:StringEquals} on {@code dynamodb:LeadingKeys}
 *       and {@code dynamodb:Attributes}, {@code StringEquals} on {@code dynamodb:Select} and
 *       {@code aws:RequestedRegion}, a {@code Null} guard, an expiry).</li>
 *   <li>{@link #sharedRoleOf10000Statements} (µs per decision): an execution role shared by 9,996 runbooks,
 *       one statement each (Query and GetItem on the runbook's table and its index, in one region) plus
 *       four Deny statements: 10,000 statements, decided through the statement index. Requests rotate
 *       over 1,024 pre-built ones on different tables, tables and indexes, Query and GetItem.</li>
 * </ul>
 *
 * <p>Policies are parsed and prepared, and requests built (the {@link Request} constructor adds the
 * principal's keys to the context), once per trial in {@link #setUp}; only {@link PolicySet#evaluate} is
 * measured. Commands and figures: {@code keyhole-bench/README.md}.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyEvaluationBenchmark {

    private static final String ACCOUNT = "111122223333";
    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/";
    private static final Principal SESSION = new Principal(PrincipalType.ASSUMED_ROLE,
            "arn:aws:sts::" + ACCOUNT + ":assumed-role/keyhole-exec/kh-bench", "AROAEXAMPLE:kh-bench", ACCOUNT, Map.of());
    private static final int RUNBOOKS = 9_996;
    private static final int REQUESTS = 1_024;

    private PolicySet runbookSession;
    private Request runbookQuery;
    private PolicySet sharedRole;
    private Request[] sharedRoleRequests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        runbookSession = PolicySet.builder()
                .identity(PolicyParser.parse("""
                        {"Version":"2012-10-17","Statement":[
                         {"Sid":"RunbookOrdersByCustomer","Effect":"Allow","Action":"dynamodb:Query",
                          "Resource":["%1$sOrders","%1$sOrders/index/byCustomer"],
                          "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}},
                         {"Sid":"DenyScan","Effect":"Deny","Action":"dynamodb:Scan","Resource":"*"},
                         {"Sid":"DenyWrites","Effect":"Deny","Action":["dynamodb:PutItem","dynamodb:UpdateItem",
                          "dynamodb:DeleteItem","dynamodb:BatchWriteItem"],"Resource":"*"}]}""".formatted(TABLE)))
                .sessionPolicy(PolicyParser.parse("""
                        {"Version":"2012-10-17","Statement":[{"Sid":"RunOrdersByCustomerRecent","Effect":"Allow",
                         "Action":"dynamodb:Query","Resource":"%sOrders","Condition":{
                          "ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["C-1001"],
                           "dynamodb:Attributes":["createdAt","customerId","orderId","status","total"]},
                          "StringEquals":{"dynamodb:Select":"SPECIFIC_ATTRIBUTES","aws:RequestedRegion":"eu-west-1"},
                          "Null":{"dynamodb:LeadingKeys":"false"},
                          "DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}]}""".formatted(TABLE)))
                .build();
        runbookQuery = new Request(SESSION, "dynamodb:Query", TABLE + "Orders", RequestContext.builder()
                .put("aws:RequestedRegion", "eu-west-1")
                .put("aws:CurrentTime", "2026-11-25T10:00:00Z")
                .putSet("dynamodb:LeadingKeys", List.of("C-1001"))
                .putSet("dynamodb:Attributes", List.of("customerId", "orderId", "createdAt", "status", "total"))
                .put("dynamodb:Select", "SPECIFIC_ATTRIBUTES")
                .build());

        sharedRole = PolicySet.builder().identity(PolicyParser.parse(sharedRolePolicy())).build();
        sharedRoleRequests = new Request[REQUESTS];
        Random r = new Random(7);
        RequestContext region = RequestContext.builder().put("aws:RequestedRegion", "eu-west-1").build();
        for (int i = 0; i < REQUESTS; i++) {
            int runbook = r.nextInt(RUNBOOKS);
            String resource = TABLE + "T" + runbook + (r.nextBoolean() ? "" : "/index/byStatus");
            String action = r.nextBoolean() ? "dynamodb:Query" : "dynamodb:GetItem";
            sharedRoleRequests[i] = new Request(SESSION, action, resource, region);
        }
        if (!runbookSession.evaluate(runbookQuery).allowed()) {
            throw new IllegalStateException("the runbook request must be allowed: " + runbookSession.evaluate(runbookQuery).explain());
        }
        for (Request q : sharedRoleRequests) {
            if (!sharedRole.evaluate(q).allowed()) {
                throw new IllegalStateException("every shared-role request must be allowed: " + sharedRole.evaluate(q).explain());
            }
        }
    }

    /** 9,996 runbook statements and four denies, as one identity policy. */
    private static String sharedRolePolicy() {
        StringBuilder big = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < RUNBOOKS; i++) {
            big.append("{\"Sid\":\"Runbook").append(i).append("\",\"Effect\":\"Allow\",")
                    .append("\"Action\":[\"dynamodb:Query\",\"dynamodb:GetItem\"],")
                    .append("\"Resource\":[\"").append(TABLE).append('T').append(i).append("\",\"")
                    .append(TABLE).append('T').append(i).append("/index/byStatus\"],")
                    .append("\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}},");
        }
        big.append("{\"Sid\":\"DenyScan\",\"Effect\":\"Deny\",\"Action\":\"dynamodb:Scan\",\"Resource\":\"*\"},")
                .append("{\"Sid\":\"DenyWrites\",\"Effect\":\"Deny\",\"Action\":[\"dynamodb:PutItem\",")
                .append("\"dynamodb:UpdateItem\",\"dynamodb:DeleteItem\"],\"Resource\":\"*\"},")
                .append("{\"Sid\":\"DenyOtherRegions\",\"Effect\":\"Deny\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\",")
                .append("\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}},")
                .append("{\"Sid\":\"DenyIam\",\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}");
        return big.toString();
    }

    /** (a) One decision for a typical runbook execution. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Decision runbookSessionDecision() {
        return runbookSession.evaluate(runbookQuery);
    }

    /** (b) One decision against an execution role of 10,000 statements. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision sharedRoleOf10000Statements() {
        return sharedRole.evaluate(sharedRoleRequests[next++ & (REQUESTS - 1)]);
    }
}
