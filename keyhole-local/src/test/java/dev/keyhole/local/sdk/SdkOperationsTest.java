package dev.keyhole.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * Every DynamoDB operation the local engine serves, through the real AWS SDK v2 over real HTTP with
 * SigV4 and IAM enforcement on (as the full-access demo admin).
 */
class SdkOperationsTest {

    private static TestEngine engine;
    private static DynamoDbClient db;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start();
        db = engine.adminDynamoDb();
        db.createTable(CreateTableRequest.builder().tableName("Orders")
                .attributeDefinitions(attr("customerId", ScalarAttributeType.S), attr("orderId", ScalarAttributeType.S),
                        attr("status", ScalarAttributeType.S), attr("total", ScalarAttributeType.N))
                .keySchema(key("customerId", KeyType.HASH), key("orderId", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                        .keySchema(key("status", KeyType.HASH), key("total", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
                        .keySchema(key("customerId", KeyType.HASH), key("total", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        for (int c = 1; c <= 3; c++) {
            for (int o = 1; o <= 5; o++) {
                db.putItem(PutItemRequest.builder().tableName("Orders").item(Map.of(
                        "customerId", s("C-" + c), "orderId", s(String.format("O-%02d", o)),
                        "status", s(o % 2 == 0 ? "OPEN" : "SHIPPED"), "total", n(Integer.toString(c * 100 + o)),
                        "tags", AttributeValue.fromSs(List.of("a", "b")))).build());
            }
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static AttributeDefinition attr(String n, ScalarAttributeType t) {
        return AttributeDefinition.builder().attributeName(n).attributeType(t).build();
    }

    private static KeySchemaElement key(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @Test
    void describeAndListTablesReportWhatWasCreated() {
        TableDescription t = db.describeTable(b -> b.tableName("Orders")).table();
        assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(t.tableArn()).endsWith(":table/Orders");
        assertThat(t.itemCount()).isGreaterThanOrEqualTo(15L);
        assertThat(t.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("byStatus");
        assertThat(db.listTables().tableNames()).contains("Orders");
    }

    @Test
    void listTablesPaginates() {
        for (int i = 0; i < 3; i++) {
            String name = "Page" + i;
            db.createTable(b -> b.tableName(name).attributeDefinitions(attr("k", ScalarAttributeType.S))
                    .keySchema(key("k", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
        }
        List<String> all = new ArrayList<>();
        db.listTablesPaginator(b -> b.limit(2)).tableNames().forEach(all::add);
        assertThat(all).contains("Page0", "Page1", "Page2", "Orders");
        assertThat(db.listTables(b -> b.limit(2)).lastEvaluatedTableName()).isNotNull();
    }

    @Test
    void getItemWithProjectionAndConsistentRead() {
        GetItemResponse r = db.getItem(b -> b.tableName("Orders").consistentRead(true)
                .key(Map.of("customerId", s("C-1"), "orderId", s("O-02"))).projectionExpression("#s, #t")
                .expressionAttributeNames(Map.of("#s", "status", "#t", "total")));
        assertThat(r.item()).containsOnlyKeys("status", "total");
        assertThat(r.item().get("status").s()).isEqualTo("OPEN");
    }

    @Test
    void updateItemWithEveryActionAndReturnValues() {
        db.putItem(b -> b.tableName("Orders").item(Map.of("customerId", s("U"), "orderId", s("1"),
                "n", n("5"), "l", AttributeValue.fromL(List.of(s("x"))), "ss", AttributeValue.fromSs(List.of("a", "b")),
                "m", AttributeValue.fromM(Map.of("inner", n("1"))))));
        UpdateItemResponse r = db.updateItem(b -> b.tableName("Orders")
                .key(Map.of("customerId", s("U"), "orderId", s("1")))
                .updateExpression("SET n = n + :one, l = list_append(l, :more), m.#in = :two, c = if_not_exists(c, :zero) "
                        + "REMOVE gone ADD cnt :one DELETE ss :a")
                .expressionAttributeNames(Map.of("#in", "inner"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":two", n("2"), ":zero", n("0"),
                        ":more", AttributeValue.fromL(List.of(s("y"))), ":a", AttributeValue.fromSs(List.of("a"))))
                .returnValues(ReturnValue.ALL_NEW));
        Map<String, AttributeValue> item = r.attributes();
        assertThat(item.get("n").n()).isEqualTo("6");
        assertThat(item.get("l").l()).extracting(AttributeValue::s).containsExactly("x", "y");
        assertThat(item.get("m").m().get("inner").n()).isEqualTo("2");
        assertThat(item.get("c").n()).isEqualTo("0");
        assertThat(item.get("cnt").n()).isEqualTo("1");
        assertThat(item.get("ss").ss()).containsExactly("b");
    }

    @Test
    void conditionalWriteFailsWithDynamoDbsException() {
        assertThatThrownBy(() -> db.putItem(b -> b.tableName("Orders")
                .item(Map.of("customerId", s("C-1"), "orderId", s("O-01")))
                .conditionExpression("attribute_not_exists(orderId)")))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageContaining("The conditional request failed");
    }

    @Test
    void deleteItemReturnsTheOldItem() {
        db.putItem(b -> b.tableName("Orders").item(Map.of("customerId", s("D"), "orderId", s("1"), "v", s("x"))));
        DeleteItemResponse r = db.deleteItem(b -> b.tableName("Orders").key(Map.of("customerId", s("D"), "orderId", s("1")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(r.attributes().get("v").s()).isEqualTo("x");
        assertThat(db.getItem(b -> b.tableName("Orders").key(Map.of("customerId", s("D"), "orderId", s("1")))).hasItem())
                .isFalse();
    }

    @Test
    void queryWithKeyConditionFilterLimitAndPagination() {
        List<String> ids = new ArrayList<>();
        QueryRequest q = QueryRequest.builder().tableName("Orders")
                .keyConditionExpression("customerId = :c AND orderId BETWEEN :a AND :b")
                .filterExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":c", s("C-2"), ":a", s("O-01"), ":b", s("O-05"), ":open", s("OPEN")))
                .scanIndexForward(false).limit(2).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        int pages = 0;
        for (QueryResponse page : db.queryPaginator(q)) {
            pages++;
            page.items().forEach(i -> ids.add(i.get("orderId").s()));
            assertThat(page.consumedCapacity().capacityUnits()).isPositive();
        }
        assertThat(ids).containsExactly("O-04", "O-02");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void queryOnAGlobalIndexAndCountSelect() {
        QueryResponse r = db.query(b -> b.tableName("Orders").indexName("byStatus")
                .keyConditionExpression("#s = :open AND #t > :t").expressionAttributeNames(Map.of("#s", "status", "#t", "total"))
                .expressionAttributeValues(Map.of(":open", s("OPEN"), ":t", n("200"))).select(Select.COUNT));
        assertThat(r.count()).isEqualTo(4);
        assertThat(r.items()).isEmpty();
    }

    @Test
    void consistentReadOnAGlobalIndexIsRejected() {
        assertThatThrownBy(() -> db.query(b -> b.tableName("Orders").indexName("byStatus").consistentRead(true)
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("OPEN")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void parallelScanSegmentsCoverTheTableOnce() {
        List<String> seen = new ArrayList<>();
        for (int seg = 0; seg < 3; seg++) {
            int segment = seg;
            db.scanPaginator(b -> b.tableName("Orders").segment(segment).totalSegments(3)
                    .filterExpression("begins_with(customerId, :c)").expressionAttributeValues(Map.of(":c", s("C-"))))
                    .items().forEach(i -> seen.add(i.get("customerId").s() + "/" + i.get("orderId").s()));
        }
        assertThat(seen).hasSize(15).doesNotHaveDuplicates();
    }

    @Test
    void batchWriteAndBatchGet() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("customerId", s("B"),
                    "orderId", s("O-" + i), "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("x" + i)))).build()).build());
        }
        assertThat(db.batchWriteItem(b -> b.requestItems(Map.of("Orders", writes))).unprocessedItems()).isEmpty();
        BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(Map.of("Orders", KeysAndAttributes.builder()
                .keys(Map.of("customerId", s("B"), "orderId", s("O-1")), Map.of("customerId", s("B"), "orderId", s("O-7")))
                .build())));
        assertThat(r.responses().get("Orders")).hasSize(2);
    }

    @Test
    void transactionsAreAtomic() {
        assertThatThrownBy(() -> db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("Orders")
                        .item(Map.of("customerId", s("T"), "orderId", s("1"))).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("Orders")
                        .key(Map.of("customerId", s("C-1"), "orderId", s("O-01")))
                        .conditionExpression("attribute_not_exists(orderId)").build()).build())))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(db.getItem(b -> b.tableName("Orders").key(Map.of("customerId", s("T"), "orderId", s("1")))).hasItem())
                .isFalse();
        db.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(Put.builder().tableName("Orders")
                .item(Map.of("customerId", s("T"), "orderId", s("2"))).build()).build()));
        TransactGetItemsResponse got = db.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(Get.builder()
                .tableName("Orders").key(Map.of("customerId", s("T"), "orderId", s("2"))).build()).build()));
        assertThat(got.responses().get(0).item()).containsKey("orderId");
    }

    @Test
    void updateTableAddsAndRemovesAGlobalIndex() {
        db.createTable(b -> b.tableName("Evolving").attributeDefinitions(attr("k", ScalarAttributeType.S))
                .keySchema(key("k", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
        db.putItem(b -> b.tableName("Evolving").item(Map.of("k", s("1"), "g", s("G"))));
        db.updateTable(b -> b.tableName("Evolving").attributeDefinitions(attr("g", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction
                        .builder().indexName("byG").keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build()));
        assertThat(db.query(b -> b.tableName("Evolving").indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G")))).count()).isEqualTo(1);
        db.updateTable(b -> b.tableName("Evolving").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byG").build()).build()));
        assertThat(db.describeTable(b -> b.tableName("Evolving")).table().globalSecondaryIndexes()).isEmpty();
        db.deleteTable(b -> b.tableName("Evolving"));
        assertThatThrownBy(() -> db.describeTable(b -> b.tableName("Evolving")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void validationErrorsCarryDynamoDbsMessages() {
        assertThatThrownBy(() -> db.query(b -> b.tableName("Orders").keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", s("C-1"), ":unused", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertThatThrownBy(() -> db.query(b -> b.tableName("Orders").keyConditionExpression("customerId = :c")
                .filterExpression("status = :s").expressionAttributeValues(Map.of(":c", s("C-1"), ":s", s("x")))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("reserved keyword");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName("Orders").item(Map.of("customerId", s("big"), "orderId", s("1"),
                "blob", s("x".repeat(401 * 1024))))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Item size has exceeded the maximum allowed size");
        assertThatThrownBy(() -> db.createTable(b -> b.tableName("Orders").attributeDefinitions(attr("k", ScalarAttributeType.S))
                .keySchema(key("k", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)))
                .isInstanceOf(ResourceInUseException.class);
    }
}
