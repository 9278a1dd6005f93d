package dev.keyhole.server.demo;

import dev.keyhole.drift.generate.TrailRecord;
import dev.keyhole.drift.generate.TrailWriter;
import dev.keyhole.drift.trail.TrailLocation;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.execute.RunRequest;
import dev.keyhole.gateway.execute.RunResult;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.server.Services;
import dev.keyhole.server.drift.DriftSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's CloudTrail, so the drift page has something to show out of the box: alice runs two runbooks
 * through the demo's own executor (so the audit log holds them), then a trail of the demo account is written
 * with the generator — those runs' calls, standing access doing runbook work, a leaked keyhole role session,
 * an analyst's Scans, a write no runbook explains and a burst of AccessDenied — beside IAM's authorization
 * details for the unused-privileges report. Expected: 2 expected calls, findings
 * keyhole-session-unaudited (critical), out-of-pattern (high, twice), access-denied-burst (high),
 * scan (medium) and standing-access-runbook-work (low).
 */
public final class DemoTrail {

    public static final String ACCOUNT = "000000000000";
    public static final String REGION = "us-east-1";
    /** Who may press "scan now" in the demo. */
    public static final Set<String> TRIGGERED_BY = Set.of("security");

    private static final String ORDERS_QUERY = "{\"tableName\":\"Orders\",\"keyConditionExpression\":\"customerId = :customerId\","
            + "\"filterExpression\":\"createdAt >= :since\",\"projectionExpression\":\"customerId, orderId, createdAt, #s, total\","
            + "\"expressionAttributeNames\":{\"#s\":\"status\"},\"scanIndexForward\":false,\"limit\":10}";
    private static final String PROFILE_GET = "{\"tableName\":\"Customers\",\"key\":{\"customerId\":\"C-1001\"},"
            + "\"projectionExpression\":\"customerId, #n, email, tier, createdAt\",\"expressionAttributeNames\":{\"#n\":\"name\"}}";

    private DemoTrail() {}

    /** The drift section of the demo: the trail and IAM details under {@code home}, security may scan. */
    public static DriftSettings settings(Path home) throws IOException {
        Files.createDirectories(trail(home));
        return DriftSettings.of(TrailLocation.of(trail(home).toString(), null, null)).withAuthz(authz(home))
                .withTriggeredBy(TRIGGERED_BY);
    }

    private static Path trail(Path home) {
        return home.resolve("cloudtrail");
    }

    private static Path authz(Path home) {
        return home.resolve("iam-authorization-details.json");
    }

    /** Runs alice's two runbooks with {@code s} and writes the trail and IAM details under {@code home}. */
    public static void write(Services s, Path home) throws IOException {
        Instant now = s.clock().instant();
        List<TrailRecord> records = new ArrayList<>();
        Caller alice = DemoWorld.PEOPLE.stream().filter(p -> p.name().equals("alice")).findFirst().orElseThrow();
        RunResult orders = run(s, alice, "orders-by-customer", Map.of("customerId", "C-1001", "since", "-P30D"));
        records.add(keyhole(orders, "alice", now).name("Query").eventId("demo-orders-run").params(ORDERS_QUERY));
        RunResult profile = run(s, alice, "customer-profile", Map.of("customerId", "C-1001"));
        records.add(keyhole(profile, "alice", now).name("GetItem").eventId("demo-profile-run").params(PROFILE_GET));
        // a keyhole role session nobody ran through keyhole: leaked or minted by hand
        records.add(demo(TrailRecord.dynamo("Query")).roleSession("keyhole-exec", "kh-leaked-session")
                .sourceIdentity("mallory").accessKeyId("ASIADEMOLEAKED000001").eventId("demo-leaked")
                .time(now.minus(Duration.ofHours(2))).params(ORDERS_QUERY));
        // a service with standing access doing what orders-by-customer does
        for (int i = 1; i <= 3; i++) {
            records.add(demo(TrailRecord.dynamo("Query")).roleSession("orders-service", "i-0demo" + i)
                    .eventId("demo-standing-" + i).time(now.minus(Duration.ofMinutes(30L * i))).params(ORDERS_QUERY));
        }
        // an analyst scanning the whole Orders table
        records.add(demo(TrailRecord.dynamo("Scan")).user("analyst").eventId("demo-analyst-scan")
                .time(now.minus(Duration.ofHours(3))).params("{\"tableName\":\"Orders\",\"select\":\"ALL_ATTRIBUTES\"}"));
        // a write no runbook explains
        records.add(demo(TrailRecord.dynamo("UpdateItem")).roleSession("billing-batch", "job-42").eventId("demo-update")
                .time(now.minus(Duration.ofHours(4))).params("{\"tableName\":\"Payments\",\"key\":{\"orderId\":\"O-2001\"},"
                        + "\"updateExpression\":\"SET #s = :s\",\"expressionAttributeNames\":{\"#s\":\"status\"}}"));
        // six AccessDenied within a minute: probing
        for (int i = 1; i <= 6; i++) {
            records.add(demo(TrailRecord.dynamo("GetItem")).roleSession("probe", "p").eventId("demo-denied-" + i)
                    .errorCode("AccessDenied").time(now.minus(Duration.ofHours(5)).plusSeconds(8L * i))
                    .params("{\"tableName\":\"Payments\",\"key\":{\"orderId\":\"O-" + i + "\"}}"));
        }
        TrailWriter.write(trail(home), ACCOUNT, REGION, now, "DEMODEMODEMODEMO", records);
        Files.writeString(authz(home), AUTHORIZATION_DETAILS);
    }

    private static RunResult run(Services s, Caller who, String runbook, Map<String, String> params) {
        Runbook rb = s.runbook(runbook).orElseThrow(() -> new IllegalStateException("the demo has no runbook " + runbook));
        return s.executor().run(new RunRequest(who, rb, null, params, "INC-100", null, s.correlationIds().next()));
    }

    /** A call of {@code run}'s session, stamped when it ran (its credentials were minted just before). */
    private static TrailRecord keyhole(RunResult run, String who, Instant at) {
        return demo(new TrailRecord()).roleSession("keyhole-exec", run.sessionName()).sourceIdentity(who)
                .accessKeyId(run.accessKeyId()).time(at);
    }

    private static TrailRecord demo(TrailRecord r) {
        return r.account(ACCOUNT).region(REGION);
    }

    /** What {@code aws iam get-account-authorization-details} would say of the demo account's DynamoDB users. */
    private static final String AUTHORIZATION_DETAILS = """
            {"UserDetailList": [
              {"UserName": "analyst", "Arn": "arn:aws:iam::000000000000:user/analyst", "GroupList": [],
               "AttachedManagedPolicies": [],
               "UserPolicyList": [{"PolicyName": "analytics", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": ["dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:DescribeTable"],
                  "Resource": "arn:aws:dynamodb:us-east-1:000000000000:table/*"}]}}]}],
             "RoleDetailList": [
              {"RoleName": "orders-service", "Arn": "arn:aws:iam::000000000000:role/orders-service",
               "AttachedManagedPolicies": [],
               "RolePolicyList": [{"PolicyName": "orders-full", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "dynamodb:*", "Resource": ["arn:aws:dynamodb:us-east-1:000000000000:table/Orders",
                  "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/index/*"]}]}}]},
              {"RoleName": "billing-batch", "Arn": "arn:aws:iam::000000000000:role/billing-batch",
               "AttachedManagedPolicies": [],
               "RolePolicyList": [{"PolicyName": "payments-rw", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
                  "Resource": "arn:aws:dynamodb:us-east-1:000000000000:table/Payments"}]}}]}],
             "GroupDetailList": [], "Policies": [], "IsTruncated": false}
            """;
}
