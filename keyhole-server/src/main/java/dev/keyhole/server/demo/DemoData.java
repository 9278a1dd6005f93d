package dev.keyhole.server.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The demo tables (Customers, Orders with a {@code byStatus} index, Payments) and deterministic demo
 * items, written through the real SDK so the local engine sees exactly what AWS would.
 */
public final class DemoData {

    private static final String[] STATUS = {"PLACED", "SHIPPED", "DELIVERED", "REFUNDED", "CANCELLED"};
    private static final String[] NAMES = {"Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances",
        "Edsger", "Radia", "Niklaus", "Shafi", "Tim", "Hedy", "Alan", "Katherine", "John", "Sophie", "Leslie", "Anita"};

    private DemoData() {}

    /** Creates the tables (if missing) and writes the items; returns how many items were written. */
    public static int seed(DynamoDbClient admin, Instant now) {
        createTables(admin);
        Random r = new Random(42);
        List<Map<String, AttributeValue>> customers = new ArrayList<>();
        List<Map<String, AttributeValue>> orders = new ArrayList<>();
        List<Map<String, AttributeValue>> payments = new ArrayList<>();
        int orderNo = 2001;
        for (int c = 0; c < NAMES.length; c++) {
            String customerId = "C-" + (1001 + c);
            Map<String, AttributeValue> customer = new LinkedHashMap<>();
            customer.put("customerId", s(customerId));
            customer.put("name", s(NAMES[c]));
            customer.put("email", s(NAMES[c].toLowerCase() + "@example.com"));
            customer.put("tier", s(c % 3 == 0 ? "gold" : "standard"));
            customer.put("createdAt", s(now.minus(400 + c, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
            customers.add(customer);
            int n = 3 + r.nextInt(10);
            for (int o = 0; o < n; o++) {
                String orderId = "O-" + orderNo++;
                Instant created = now.minus(r.nextInt(120 * 24), ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
                BigDecimal total = BigDecimal.valueOf(500 + r.nextInt(30000), 2).setScale(2, RoundingMode.UNNECESSARY);
                Map<String, AttributeValue> order = new LinkedHashMap<>();
                order.put("customerId", s(customerId));
                order.put("orderId", s(orderId));
                order.put("createdAt", s(created.toString()));
                order.put("status", s(STATUS[r.nextInt(STATUS.length)]));
                order.put("total", AttributeValue.fromN(total.toPlainString()));
                order.put("shippingAddress", s((10 + r.nextInt(90)) + " Demo Street"));
                orders.add(order);
                int attempts = 1 + (r.nextInt(5) == 0 ? 1 : 0);
                for (int p = 0; p < attempts; p++) {
                    Map<String, AttributeValue> payment = new LinkedHashMap<>();
                    payment.put("orderId", s(orderId));
                    payment.put("paymentId", s("P-" + orderId.substring(2) + "-" + (p + 1)));
                    payment.put("amount", AttributeValue.fromN(total.toPlainString()));
                    payment.put("currency", s("EUR"));
                    payment.put("outcome", s(p + 1 < attempts ? "DECLINED" : "CAPTURED"));
                    payment.put("cardLast4", s(String.format("%04d", r.nextInt(10000))));
                    payments.add(payment);
                }
            }
        }
        write(admin, "Customers", customers);
        write(admin, "Orders", orders);
        write(admin, "Payments", payments);
        return customers.size() + orders.size() + payments.size();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static void createTables(DynamoDbClient admin) {
        create(admin, CreateTableRequest.builder().tableName("Customers")
                .attributeDefinitions(attr("customerId"))
                .keySchema(key("customerId", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        create(admin, CreateTableRequest.builder().tableName("Orders")
                .attributeDefinitions(attr("customerId"), attr("orderId"), attr("status"), attr("createdAt"))
                .keySchema(key("customerId", KeyType.HASH), key("orderId", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                        .keySchema(key("status", KeyType.HASH), key("createdAt", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        create(admin, CreateTableRequest.builder().tableName("Payments")
                .attributeDefinitions(attr("orderId"), attr("paymentId"))
                .keySchema(key("orderId", KeyType.HASH), key("paymentId", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
    }

    private static void create(DynamoDbClient admin, CreateTableRequest req) {
        try {
            admin.createTable(req);
        } catch (ResourceInUseException alreadyThere) {
            // Seeding again is harmless: items are overwritten with the same values.
        }
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static void write(DynamoDbClient admin, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> batch = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                var resp = admin.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = resp.hasUnprocessedItems() ? resp.unprocessedItems() : Map.of();
            }
        }
    }
}
