package dev.keyhole.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableOperationsTest extends EngineFixture {

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void createTableReturnsAnActiveDescriptionWithArnsAndIndexes() {
        createOrders();
        JsonNode t = call("DescribeTable", "{'TableName':'orders'}").get("Table");
        assertThat(t.get("TableStatus").asText()).isEqualTo("ACTIVE");
        assertThat(t.get("TableArn").asText()).isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/orders");
        assertThat(t.get("CreationDateTime").asDouble()).isEqualTo(1735787045.0);
        assertThat(t.get("BillingModeSummary").get("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(t.get("GlobalSecondaryIndexes").get(0).get("IndexArn").asText())
                .isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/by-status");
        assertThat(t.get("LocalSecondaryIndexes").get(0).get("IndexName").asText()).isEqualTo("by-total");
        assertThat(t.get("ItemCount").asLong()).isZero();
        assertThat(engine.schemas().keys("orders")).get()
                .satisfies(k -> assertThat(k.indexes().get("by-status").partitionKey()).isEqualTo("status"));
    }

    @Test
    void itemCountAndSizeFollowWrites() {
        createOrders();
        putOrder("a", 1, "open", 10);
        putOrder("a", 2, null, 20);
        JsonNode t = call("DescribeTable", "{'TableName':'orders'}").get("Table");
        assertThat(t.get("ItemCount").asLong()).isEqualTo(2);
        assertThat(t.get("TableSizeBytes").asLong()).isPositive();
        assertThat(t.get("GlobalSecondaryIndexes").get(0).get("ItemCount").asLong()).isEqualTo(1);
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        createOrders();
        fails("CreateTable", """
                {'TableName':'orders','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],
                 'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}""", "ResourceInUseException", "Table already exists: orders");
    }

    @Test
    void provisionedTablesNeedThroughput() {
        fails("CreateTable", """
                {'TableName':'tt1','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],
                 'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}""", "ValidationException",
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        fails("CreateTable", """
                {'TableName':'tt1','BillingMode':'PAY_PER_REQUEST','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},
                 'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}""",
                "ValidationException",
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void attributeDefinitionsMustMatchTheKeys() {
        fails("CreateTable", """
                {'TableName':'tt1','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},
                 {'AttributeName':'x','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}""",
                "ValidationException", "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly "
                        + "match number of attributes defined in AttributeDefinitions");
        fails("CreateTable", """
                {'TableName':'tt1','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],
                 'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]}""", "ValidationException",
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. "
                        + "Keys: [id], AttributeDefinitions: [pk]");
    }

    @Test
    void tableNamesAreValidated() {
        fails("DescribeTable", "{'TableName':'ab'}", "ValidationException",
                "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    }

    @Test
    void describingAMissingTableIsResourceNotFound() {
        fails("DescribeTable", "{'TableName':'nope'}", "ResourceNotFoundException",
                "Requested resource not found: Table: nope not found");
    }

    @Test
    void listTablesPagesByName() {
        for (String n : new String[] {"ccc", "aaa", "bbb"}) {
            call("CreateTable", "{'TableName':'" + n + "','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':"
                    + "[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}");
        }
        JsonNode page = call("ListTables", "{'Limit':2}");
        assertThat(page.get("TableNames").toString()).isEqualTo("[\"aaa\",\"bbb\"]");
        assertThat(page.get("LastEvaluatedTableName").asText()).isEqualTo("bbb");
        JsonNode rest = call("ListTables", "{'Limit':2,'ExclusiveStartTableName':'bbb'}");
        assertThat(rest.get("TableNames").toString()).isEqualTo("[\"ccc\"]");
        assertThat(rest.has("LastEvaluatedTableName")).isFalse();
        fails("ListTables", "{'Limit':101}", "ValidationException",
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    }

    @Test
    void deleteTableRemovesItAndItsItems() {
        createOrders();
        putOrder("a", 1, "open", 1);
        assertThat(call("DeleteTable", "{'TableName':'orders'}").get("TableDescription").get("TableStatus").asText())
                .isEqualTo("DELETING");
        fails("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}", "ResourceNotFoundException",
                "Requested resource not found");
        createOrders();
        assertThat(call("Scan", "{'TableName':'orders'}").get("Count").asInt()).isZero();
    }

    @Test
    void updateTableCreatesAndBackfillsAGlobalIndexAndDeletesOne() {
        createOrders();
        putOrder("a", 1, "open", 5);
        call("UpdateTable", """
                {'TableName':'orders','AttributeDefinitions':[{'AttributeName':'note','AttributeType':'S'}],
                 'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'by-note','KeySchema':[{'AttributeName':'note','KeyType':'HASH'}],
                 'Projection':{'ProjectionType':'ALL'}}},{'Delete':{'IndexName':'by-status'}}]}""");
        JsonNode q = call("Query", "{'TableName':'orders','IndexName':'by-note','KeyConditionExpression':'note = :n',"
                + "'ExpressionAttributeValues':{':n':{'S':'n1'}}}");
        assertThat(q.get("Count").asInt()).isEqualTo(1);
        JsonNode t = call("DescribeTable", "{'TableName':'orders'}").get("Table");
        assertThat(t.get("GlobalSecondaryIndexes")).hasSize(1);
        assertThat(t.get("AttributeDefinitions").toString()).doesNotContain("status");
        call("UpdateTable", "{'TableName':'orders','BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5},"
                + "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'by-note','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}");
        assertThat(call("DescribeTable", "{'TableName':'orders'}").get("Table").get("ProvisionedThroughput").get("ReadCapacityUnits").asInt())
                .isEqualTo(5);
    }
}
