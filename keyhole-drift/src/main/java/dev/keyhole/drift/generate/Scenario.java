package dev.keyhole.drift.generate;

import dev.keyhole.drift.classify.KeyholeSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, realistic day of CloudTrail for account {@value #ACCOUNT} in {@value #REGION}, with one of
 * everything drift must tell apart, and the keyhole runs its audit log holds. Pairs with runbooks
 * {@code orders-by-customer} (Query on Orders, projection customerId, orderId, createdAt, status, total)
 * and {@code customer-profile} (GetItem on Customers, projection customerId, name, tier), both run as
 * role {@value #KEYHOLE_ROLE} with a 15-minute session.
 *
 * <p>Expected classification counts: expected 4, keyhole-session-after-expiry 1,
 * keyhole-session-outside-record 1, keyhole-session-unaudited 1, standing-access-runbook-work 5,
 * out-of-pattern 11; call-outs: two scans, one other region, one AccessDenied burst (6 denials);
 * 8 noise records of other services; {@link #write} adds one duplicate.
 */
public final class Scenario {

    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-west-1";
    public static final String KEYHOLE_ROLE = "keyhole-exec";
    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static final String ORDERS_QUERY = "{\"tableName\":\"Orders\",\"keyConditionExpression\":\"customerId = :customerId\","
            + "\"projectionExpression\":\"customerId, orderId, createdAt, #s, total\",\"expressionAttributeNames\":{\"#s\":\"status\"},"
            + "\"scanIndexForward\":false,\"limit\":10}";

    /** The runbooks the scenario is set against, file name to YAML. */
    public static final java.util.Map<String, String> RUNBOOKS = java.util.Map.of(
            "orders-by-customer.yaml", """
            name: orders-by-customer
            description: One customer's orders, newest first.
            owner: team-orders
            target:
              account: "111122223333"
              region: eu-west-1
              table: Orders
              role: arn:aws:iam::111122223333:role/keyhole-exec
              keys:
                partition: customerId
                sort: orderId
                indexes:
                  byStatus: {partition: status, sort: createdAt}
            parameters:
              customerId:
                type: string
                pattern: "^C-[0-9]{4,10}$"
                required: true
            queries:
              recent:
                keyCondition: customerId = :customerId
                projection: [customerId, orderId, createdAt, status, total]
                scanIndexForward: false
            access:
              runners: [group:oncall]
              ticket: {required: true, pattern: "^INC-[0-9]+$"}
              sessionTtl: PT15M
            """,
            "customer-profile.yaml", """
            name: customer-profile
            description: One customer's profile.
            owner: team-crm
            target:
              account: "111122223333"
              region: eu-west-1
              table: Customers
              role: arn:aws:iam::111122223333:role/keyhole-exec
              keys:
                partition: customerId
            parameters:
              customerId:
                type: string
                pattern: "^C-[0-9]{4,10}$"
                required: true
            queries:
              profile:
                operation: GetItem
                key: {customerId: ":customerId"}
                projection: [customerId, name, tier]
            access:
              runners: [group:support]
              ticket: {required: true}
              sessionTtl: PT15M
            """);

    private Scenario() {}

    /** Writes {@link #RUNBOOKS} into {@code dir}. */
    public static void writeRunbooks(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : RUNBOOKS.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** The runs the audit log holds. */
    public static List<KeyholeSession> sessions() {
        return List.of(
                new KeyholeSession("kh-run-1", "alice", "orders-by-customer", "recent", T0, "ASIAKEYHOLERUN000001"),
                new KeyholeSession("kh-run-2", "bob", "customer-profile", "profile", T0.plus(Duration.ofHours(1)),
                        "ASIAKEYHOLERUN000002"));
    }

    /** Every record, in no particular order, the duplicate included. */
    public static List<TrailRecord> records() {
        List<TrailRecord> r = new ArrayList<>();
        // normal runbook traffic: keyhole runs doing what their records say
        for (int i = 1; i <= 3; i++) {
            r.add(keyhole("kh-run-1", "alice", "ASIAKEYHOLERUN000001").eventId("expected-orders-" + i)
                    .time(T0.plusSeconds(60L * i)).params(ORDERS_QUERY));
        }
        r.add(keyhole("kh-run-2", "bob", "ASIAKEYHOLERUN000002").name("GetItem").eventId("expected-profile")
                .time(T0.plus(Duration.ofMinutes(61)))
                .params("{\"tableName\":\"Customers\",\"key\":{\"customerId\":\"C-1001\"},\"projectionExpression\":\"#n, tier\","
                        + "\"expressionAttributeNames\":{\"#n\":\"name\"}}"));
        // a keyhole run's credentials used 40 minutes after a 15-minute session began
        r.add(keyhole("kh-run-1", "alice", "ASIAKEYHOLERUN000001").eventId("after-expiry")
                .time(T0.plus(Duration.ofMinutes(40))).params(ORDERS_QUERY));
        // a keyhole run doing what its runbook does not
        r.add(keyhole("kh-run-2", "bob", "ASIAKEYHOLERUN000002").eventId("outside-record")
                .time(T0.plus(Duration.ofMinutes(62))).params(ORDERS_QUERY));
        // a leaked keyhole role session: no audit record by that name
        r.add(keyhole("kh-leaked", "mallory", "ASIALEAKEDSESSION001").name("Scan").eventId("leaked-scan")
                .time(T0.plus(Duration.ofHours(2))).params("{\"tableName\":\"Orders\"}"));
        // standing access doing runbook work
        for (int i = 1; i <= 5; i++) {
            r.add(TrailRecord.dynamo("Query").roleSession("orders-service", "i-0abc" + i).eventId("standing-" + i)
                    .time(T0.plus(Duration.ofMinutes(10L * i))).params(ORDERS_QUERY));
        }
        // out of pattern: an index no runbook queries
        r.add(TrailRecord.dynamo("Query").roleSession("orders-service", "i-0abc9").eventId("index-query")
                .time(T0.plus(Duration.ofHours(3)))
                .params("{\"tableName\":\"Orders\",\"indexName\":\"byStatus\",\"keyConditionExpression\":\"#s = :s\","
                        + "\"expressionAttributeNames\":{\"#s\":\"status\"}}"));
        // a person scanning a table
        r.add(TrailRecord.dynamo("Scan").user("analyst").eventId("analyst-scan").time(T0.plus(Duration.ofHours(4)))
                .params("{\"tableName\":\"Orders\",\"select\":\"ALL_ATTRIBUTES\"}"));
        // runbook-shaped work, but in a region no runbook targets
        r.add(TrailRecord.dynamo("Query").roleSession("orders-service", "i-0abc7").region("us-west-2")
                .eventId("other-region").time(T0.plus(Duration.ofHours(5))).params(ORDERS_QUERY));
        // a burst of AccessDenied: six refused GetItems on Payments within a minute
        for (int i = 1; i <= 6; i++) {
            r.add(TrailRecord.dynamo("GetItem").roleSession("probe", "p").eventId("denied-" + i).errorCode("AccessDenied")
                    .time(T0.plus(Duration.ofHours(6)).plusSeconds(8L * i))
                    .params("{\"tableName\":\"Payments\",\"key\":{\"orderId\":\"O-" + i + "\"}}"));
        }
        // a transaction and a PartiQL statement outside every runbook
        r.add(TrailRecord.dynamo("TransactWriteItems").roleSession("billing", "job-7").eventId("transaction")
                .time(T0.plus(Duration.ofHours(7)))
                .params("{\"transactItems\":[{\"update\":{\"tableName\":\"Orders\",\"key\":{\"customerId\":\"C-1\",\"orderId\":\"O-1\"},"
                        + "\"updateExpression\":\"SET #s = :s\",\"expressionAttributeNames\":{\"#s\":\"status\"}}}]}"));
        r.add(TrailRecord.dynamo("ExecuteStatement").user("analyst").eventId("partiql")
                .time(T0.plus(Duration.ofHours(8))).params("{\"statement\":\"SELECT * FROM \\\"Customers\\\" WHERE customerId = ?\"}"));
        // noise from other services
        String[][] noise = {{"s3.amazonaws.com", "GetObject"}, {"ec2.amazonaws.com", "DescribeInstances"},
                {"kms.amazonaws.com", "Decrypt"}, {"sts.amazonaws.com", "AssumeRole"}};
        for (int i = 0; i < 8; i++) {
            r.add(new TrailRecord().source(noise[i % 4][0]).name(noise[i % 4][1]).roleSession("orders-service", "i-0abc1")
                    .eventId("noise-" + i).time(T0.plus(Duration.ofMinutes(5L * i))).params("{\"bucketName\":\"logs\"}"));
        }
        return r;
    }

    private static TrailRecord keyhole(String session, String user, String key) {
        return TrailRecord.dynamo("Query").roleSession(KEYHOLE_ROLE, session).sourceIdentity(user).accessKeyId(key);
    }

    /**
     * Writes the records as a trail delivers them under {@code root}, in three files whose order is
     * not time order, with one record repeated in a second file, and a digest file that must be skipped.
     */
    public static void write(Path root) throws IOException {
        List<TrailRecord> all = new ArrayList<>(records());
        java.util.Collections.reverse(all);
        int third = all.size() / 3;
        TrailWriter.write(root, ACCOUNT, REGION, T0.plus(Duration.ofHours(9)), "AAAAAAAAAAAAAAAA", all.subList(0, third));
        TrailWriter.write(root, ACCOUNT, REGION, T0.plus(Duration.ofHours(9)), "BBBBBBBBBBBBBBBB",
                all.subList(third, 2 * third));
        TrailWriter.write(root, ACCOUNT, REGION, T0.plus(Duration.ofHours(10)), "CCCCCCCCCCCCCCCC",
                all.subList(2 * third, all.size()));
        // CloudTrail may deliver a record twice: the same eventID in another file
        TrailWriter.write(root, ACCOUNT, REGION, T0.plus(Duration.ofHours(11)), "DDDDDDDDDDDDDDDD",
                all.stream().filter(x -> x.eventId().equals("expected-orders-1")).toList());
        Path digest = root.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/" + REGION + "/2026/11/20/"
                + ACCOUNT + "_CloudTrail-Digest_" + REGION + "_trail_" + REGION + "_20261120T110000Z.json.gz");
        Files.createDirectories(digest.getParent());
        Files.write(digest, "{\"digestStartTime\":\"2026-11-20T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8));
    }
}
