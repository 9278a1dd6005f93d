package dev.keyhole.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Least privilege enforced where AWS enforces it: a role session whose session policy allows one
 * partition key and three attributes can query exactly that, and nothing else — decided by the local
 * engine's IAM enforcement on real SigV4-signed SDK requests.
 */
class EnforcementTest {

    private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders";
    private static final String SESSION_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:Query",
             "Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Orders",
             "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["C-1"],
               "dynamodb:Attributes":["customerId","orderId","total"]},
              "StringEquals":{"dynamodb:Select":"SPECIFIC_ATTRIBUTES","aws:RequestedRegion":"us-east-1"},
              "Null":{"dynamodb:LeadingKeys":"false"}}}]}""";

    private static TestEngine engine;
    private static DynamoDbClient narrowed;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start();
        DynamoDbClient admin = engine.adminDynamoDb();
        for (String table : new String[] {"Orders", "Payments"}) {
            admin.createTable(b -> b.tableName(table)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("customerId").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("status").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("customerId").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.RANGE).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                            .keySchema(KeySchemaElement.builder().attributeName("status").keyType(KeyType.HASH).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        for (String c : new String[] {"C-1", "C-2"}) {
            admin.putItem(b -> b.tableName("Orders").item(Map.of("customerId", AttributeValue.fromS(c),
                    "orderId", AttributeValue.fromS("O-1"), "total", AttributeValue.fromN("10"),
                    "status", AttributeValue.fromS("OPEN"), "card", AttributeValue.fromS("4111"))));
        }
        AssumeRoleResponse session = engine.keyholeSts().assumeRole(b -> b
                .roleArn("arn:aws:iam::000000000000:role/keyhole-exec").roleSessionName("kh-enforcement")
                .sourceIdentity("alice").policy(SESSION_POLICY).durationSeconds(900));
        narrowed = engine.dynamoDb(session.credentials(), "us-east-1");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static QueryRequest.Builder query(String customer, String projection) {
        return QueryRequest.builder().tableName("Orders").keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer)))
                .projectionExpression(projection.replace("total", "#t"))
                .expressionAttributeNames(projection.contains("total") ? Map.of("#t", "total") : null)
                .select(Select.SPECIFIC_ATTRIBUTES);
    }

    private static void assertDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AccessDeniedException"))
                .hasMessageContaining("is not authorized to perform");
    }

    @Test
    void theAllowedQueryRuns() {
        QueryResponse r = narrowed.query(query("C-1", "customerId, orderId, total").build());
        assertThat(r.items()).singleElement().satisfies(i -> assertThat(i).containsOnlyKeys("customerId", "orderId", "total"));
    }

    @Test
    void anotherPartitionKeyIsDenied() {
        assertDenied(() -> narrowed.query(query("C-2", "customerId, orderId, total").build()));
    }

    @Test
    void anotherAttributeIsDenied() {
        assertDenied(() -> narrowed.query(query("C-1", "customerId, orderId, card").build()));
    }

    @Test
    void everyAttributeIsDenied() {
        assertDenied(() -> narrowed.query(QueryRequest.builder().tableName("Orders")
                .keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("C-1"))).build()));
    }

    @Test
    void aScanIsDenied() {
        assertDenied(() -> narrowed.scan(b -> b.tableName("Orders").projectionExpression("customerId")));
    }

    @Test
    void anotherIndexIsDenied() {
        assertDenied(() -> narrowed.query(b -> b.tableName("Orders").indexName("byStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("OPEN")))
                .projectionExpression("customerId").select(Select.SPECIFIC_ATTRIBUTES)));
    }

    @Test
    void anotherTableIsDenied() {
        assertDenied(() -> narrowed.query(query("C-1", "customerId, orderId, total").tableName("Payments").build()));
    }

    @Test
    void aWriteIsDenied() {
        assertDenied(() -> narrowed.putItem(b -> b.tableName("Orders").item(Map.of(
                "customerId", AttributeValue.fromS("C-1"), "orderId", AttributeValue.fromS("O-9")))));
    }

    @Test
    void anotherRegionIsDenied() throws Exception {
        AssumeRoleResponse session = engine.keyholeSts().assumeRole(b -> b
                .roleArn("arn:aws:iam::000000000000:role/keyhole-exec").roleSessionName("kh-region")
                .sourceIdentity("alice").policy(SESSION_POLICY).durationSeconds(900));
        DynamoDbClient otherRegion = engine.dynamoDb(session.credentials(), "eu-west-1");
        assertDenied(() -> otherRegion.query(query("C-1", "customerId, orderId, total").build()));
    }
}
