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
 * Decisions per second of keyhole's IAM evaluator: (a) a typical runbook execution — the execution
 * role's policy and a narrowed session policy with LeadingKeys, Attributes, Select, region and Null
 * conditions; (b) an execution role shared by 5,000 runbooks, 10,000 statements in all, decided through
 * the statement index. Policies are prepared once in setup; only {@code evaluate} is measured.
 *
 * <pre>mvn -q -pl keyhole-bench -am package -DskipTests
 * java -cp "keyhole-bench/target/classes:keyhole-bench/target/lib/*" org.openjdk.jmh.Main PolicyEvaluation -f 1 -wi 3 -i 5 -t 1</pre>
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

    private PolicySet runbookSession;
    private Request runbookQuery;
    private PolicySet sharedRole;
    private Request[] sharedRoleQueries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        runbookSession = PolicySet.builder()
                .identity(PolicyParser.parse("""
                        {"Version":"2012-10-17","Statement":[
                         {"Sid":"RunbookOrdersByCustomer","Effect":"Allow","Action":"dynamodb:Query",
                          "Resource":"%sOrders","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}},
                         {"Sid":"DenyScanOutsideDeclaredRunbooks","Effect":"Deny","Action":"dynamodb:Scan","Resource":"*"},
                         {"Sid":"DenyEveryWrite","Effect":"Deny","Action":["dynamodb:PutItem","dynamodb:UpdateItem",
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

        StringBuilder big = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < 4_996; i++) {
            big.append("{\"Sid\":\"Runbook").append(i).append("\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:Query\",")
                    .append("\"dynamodb:GetItem\"],\"Resource\":[\"").append(TABLE).append("T").append(i).append("\",\"")
                    .append(TABLE).append("T").append(i).append("/index/byStatus\"],\"Condition\":{\"StringEquals\":")
                    .append("{\"aws:RequestedRegion\":\"eu-west-1\"}}},");
            big.append("{\"Sid\":\"Runbook").append(i).append("Scan\",\"Effect\":\"Allow\",\"Action\":\"dynamodb:Scan\",")
                    .append("\"Resource\":\"").append(TABLE).append("T").append(i).append("/index/archive\"},");
        }
        big.append("{\"Sid\":\"DenyScan\",\"Effect\":\"Deny\",\"Action\":\"dynamodb:Scan\",\"NotResource\":\"")
                .append(TABLE).append("T*/index/archive\"},");
        big.append("{\"Sid\":\"DenyWrites\",\"Effect\":\"Deny\",\"Action\":[\"dynamodb:PutItem\",\"dynamodb:UpdateItem\",")
                .append("\"dynamodb:DeleteItem\"],\"Resource\":\"*\"},");
        big.append("{\"Sid\":\"DenyOtherRegions\",\"Effect\":\"Deny\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\",")
                .append("\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\"]}}},");
        big.append("{\"Sid\":\"DenyIam\",\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}");
        sharedRole = PolicySet.builder().identity(PolicyParser.parse(big.toString())).build();
        sharedRoleQueries = new Request[1024];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < sharedRoleQueries.length; i++) {
            sharedRoleQueries[i] = new Request(SESSION, "dynamodb:Query", TABLE + "T" + r.nextInt(4_996),
                    RequestContext.builder().put("aws:RequestedRegion", "eu-west-1").build());
        }
        if (!runbookSession.evaluate(runbookQuery).allowed() || !sharedRole.evaluate(sharedRoleQueries[0]).allowed()) {
            throw new IllegalStateException("benchmark requests must be allowed");
        }
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
        Request q = sharedRoleQueries[next++ & 1023];
        return sharedRole.evaluate(q);
    }
}
