package dev.keyhole.gateway.execute;

import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.StoredRecord;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The world the executor's tests run in: the local engine over HTTP with IAM enforced as in
 * {@code examples/local/iam.yaml}, an {@code Orders} table (12 orders for each of {@code C-1} and {@code C-2})
 * with a {@code byStatus} index, a {@code Payments} table, and the {@code orders-by-customer} runbook.
 */
final class OrdersWorld {

    static final String RUNBOOK = """
            name: orders-by-customer
            description: Orders of one customer.
            owner: team-orders
            target:
              account: "000000000000"
              region: us-east-1
              table: Orders
              role: arn:aws:iam::000000000000:role/keyhole-exec
              keys: {partition: customerId, sort: orderId, indexes: {byStatus: {partition: status, sort: createdAt}}}
            parameters:
              customerId: {type: string, pattern: "^C-[0-9]+$", required: true}
            queries:
              recent:
                keyCondition: customerId = :customerId
                projection: [customerId, orderId, createdAt, status, total]
                scanIndexForward: false
            limits: {pageSize: 4, maxPages: 3, maxItems: 10}
            masking:
              - {attribute: total, mode: redact}
            access:
              runners: [group:oncall]
              ticket: {required: true, pattern: "^INC-[0-9]+$"}
              sessionTtl: PT15M
            """;

    /** The administrator of {@code examples/local/iam.yaml}, who creates the tables. */
    static final AwsBasicCredentials ADMIN = AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    /** keyhole's own principal there: it may only assume the execution role. */
    static final AwsBasicCredentials KEYHOLE = AwsBasicCredentials.create("AKIAKEYHOLEDEMO00001",
            "keyhole-demo-secret-not-for-production-0001");

    private OrdersWorld() {}

    /** Starts the engine on a free port with its tables and orders, its time from {@code clock}. */
    static LocalServer engine(Clock clock) throws IOException {
        LocalServer server = LocalServer.start(LocalServerConfig.defaults().withIamFile(Path.of("../examples/local/iam.yaml"))
                .withClock(clock), DynamoDbEngine.open(null, "us-east-1", "000000000000", clock));
        try (DynamoDbClient admin = client(server.endpoint(), ADMIN, "us-east-1")) {
            admin.createTable(b -> b.tableName("Orders")
                    .attributeDefinitions(a("customerId"), a("orderId"), a("status"), a("createdAt"))
                    .keySchema(k("customerId", "HASH"), k("orderId", "RANGE"))
                    .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(k("status", "HASH"), k("createdAt", "RANGE"))
                            .projection(p -> p.projectionType("ALL")))
                    .billingMode("PAY_PER_REQUEST"));
            admin.createTable(b -> b.tableName("Payments").attributeDefinitions(a("orderId"))
                    .keySchema(k("orderId", "HASH")).billingMode("PAY_PER_REQUEST"));
            for (String c : new String[] {"C-1", "C-2"}) {
                for (int i = 1; i <= 12; i++) {
                    Map<String, AttributeValue> item = new HashMap<>();
                    item.put("customerId", AttributeValue.fromS(c));
                    item.put("orderId", AttributeValue.fromS(String.format("O-%02d", i)));
                    item.put("createdAt", AttributeValue.fromS("2026-11-" + String.format("%02d", i)));
                    item.put("status", AttributeValue.fromS(i % 2 == 0 ? "OPEN" : "SHIPPED"));
                    item.put("total", AttributeValue.fromN(Integer.toString(i * 10)));
                    item.put("card", AttributeValue.fromS("4111-" + i));
                    admin.putItem(b -> b.tableName("Orders").item(item));
                }
            }
        }
        return server;
    }

    /** The runbook in {@code yaml}. */
    static Runbook runbook(String yaml) {
        return RunbookLoader.load("orders.yaml", yaml).runbooks().get(0);
    }

    /** A plain SDK client of the engine at {@code endpoint} with {@code c}. */
    static DynamoDbClient client(URI endpoint, AwsCredentials c, String region) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(c)).build();
    }

    /** keyhole's STS client of the engine at {@code endpoint}, every call within {@code limits}. */
    static StsClient sts(URI endpoint, AwsCallLimits limits) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(KEYHOLE))
                .overrideConfiguration(limits.overrides()).build();
    }

    /** The records of one execution in {@code audit}, oldest first. */
    static List<AuditEvent> records(AuditLog audit, String correlationId) {
        try {
            return audit.store().search(new AuditQuery(correlationId, null, null, null, null, null, null, 100)).stream()
                    .map(StoredRecord::event).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttributeDefinition a(String n) {
        return AttributeDefinition.builder().attributeName(n).attributeType("S").build();
    }

    private static KeySchemaElement k(String n, String t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }
}
