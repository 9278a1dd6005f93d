package dev.keyhole.dynamo.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.iam.request.ContextValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Follows https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html */
class DynamoIamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TableKeys ORDERS = new TableKeys("customerId", "orderId",
            Map.of("byStatus", new TableKeys("status", "createdAt", Map.of())));
    private static final KeySchemaLookup SCHEMAS = t -> t.equals("Orders") ? Optional.of(ORDERS) : Optional.empty();

    private static List<IamCheck> derive(String op, String json) throws Exception {
        JsonNode body = JSON.readTree(json);
        return DynamoIam.derive(op, body, "eu-west-1", "111122223333", SCHEMAS);
    }

    private static List<String> values(IamCheck c, String key) {
        ContextValue v = c.keys().get(key);
        return v == null ? null : v.values();
    }

    @Test
    void queryOnTablePinsThePartitionKeyAndListsProjectedAttributes() throws Exception {
        IamCheck c = derive("Query", """
                {"TableName":"Orders","KeyConditionExpression":"#c = :c AND orderId > :o",
                 "ExpressionAttributeNames":{"#c":"customerId","#s":"status"},
                 "ExpressionAttributeValues":{":c":{"S":"C-1"},":o":{"S":"0"}},
                 "ProjectionExpression":"orderId, #s, total.amount"}""").get(0);
        assertThat(c.action()).isEqualTo("dynamodb:Query");
        assertThat(c.resource()).isEqualTo("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
        assertThat(values(c, "dynamodb:LeadingKeys")).containsExactly("C-1");
        assertThat(values(c, "dynamodb:Attributes")).containsExactlyInAnyOrder("customerId", "orderId", "status", "total");
        assertThat(values(c, "dynamodb:Select")).containsExactly("SPECIFIC_ATTRIBUTES");
    }

    @Test
    void queryOnIndexUsesTheIndexArnAndTheIndexPartitionKey() throws Exception {
        IamCheck c = derive("Query", """
                {"TableName":"Orders","IndexName":"byStatus","KeyConditionExpression":":s = status",
                 "ExpressionAttributeValues":{":s":{"S":"OPEN"}}}""").get(0);
        assertThat(c.resource()).isEqualTo("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/index/byStatus");
        assertThat(values(c, "dynamodb:LeadingKeys")).containsExactly("OPEN");
        assertThat(values(c, "dynamodb:Select")).containsExactly("ALL_PROJECTED_ATTRIBUTES");
        assertThat(values(c, "dynamodb:Attributes")).contains(DynamoIam.ALL_ATTRIBUTES);
    }

    @Test
    void scanHasNoLeadingKeys() throws Exception {
        IamCheck c = derive("Scan", "{\"TableName\":\"Orders\",\"ProjectionExpression\":\"orderId\"}").get(0);
        assertThat(c.keys()).doesNotContainKey("dynamodb:LeadingKeys");
        assertThat(values(c, "dynamodb:Attributes")).containsExactly("orderId");
    }

    @Test
    void getItemWithoutProjectionAsksForEveryAttribute() throws Exception {
        IamCheck c = derive("GetItem", """
                {"TableName":"Orders","Key":{"customerId":{"S":"C-1"},"orderId":{"S":"O-1"}}}""").get(0);
        assertThat(values(c, "dynamodb:LeadingKeys")).containsExactly("C-1");
        assertThat(values(c, "dynamodb:Attributes")).containsExactly("customerId", "orderId", "*");
    }

    @Test
    void updateItemListsUpdatedAndConditionAttributesAndReturnValues() throws Exception {
        IamCheck c = derive("UpdateItem", """
                {"TableName":"Orders","Key":{"customerId":{"N":"42"},"orderId":{"S":"O-1"}},
                 "UpdateExpression":"SET total = total + :d, #n = if_not_exists(#n, :z) REMOVE note",
                 "ConditionExpression":"attribute_exists(orderId) AND size(items) > :z",
                 "ExpressionAttributeNames":{"#n":"count"},"ReturnValues":"UPDATED_NEW",
                 "ExpressionAttributeValues":{":d":{"N":"1"},":z":{"N":"0"}}}""").get(0);
        assertThat(values(c, "dynamodb:LeadingKeys")).containsExactly("42");
        assertThat(values(c, "dynamodb:Attributes"))
                .containsExactlyInAnyOrder("customerId", "orderId", "total", "count", "note", "items");
        assertThat(values(c, "dynamodb:ReturnValues")).containsExactly("UPDATED_NEW");
    }

    @Test
    void transactionItemsAreAuthorizedAsTheirItemActionsWithTheEnclosingOperation() throws Exception {
        List<IamCheck> checks = derive("TransactWriteItems", """
                {"TransactItems":[{"Put":{"TableName":"Orders","Item":{"customerId":{"S":"A"},"orderId":{"S":"1"}}}},
                 {"ConditionCheck":{"TableName":"Orders","Key":{"customerId":{"S":"B"},"orderId":{"S":"2"}},
                  "ConditionExpression":"attribute_exists(orderId)"}}]}""");
        assertThat(checks).extracting(IamCheck::action).containsExactly("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
        assertThat(values(checks.get(1), "dynamodb:EnclosingOperation")).containsExactly("TransactWriteItems");
        assertThat(values(checks.get(1), "dynamodb:LeadingKeys")).containsExactly("B");
    }

    @Test
    void batchGetItemGathersEveryPartitionKeyOfATable() throws Exception {
        List<IamCheck> checks = derive("BatchGetItem", """
                {"RequestItems":{"Orders":{"Keys":[{"customerId":{"S":"A"},"orderId":{"S":"1"}},
                  {"customerId":{"S":"B"},"orderId":{"S":"2"}}],"ProjectionExpression":"total"}}}""");
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("dynamodb:BatchGetItem");
            assertThat(values(c, "dynamodb:LeadingKeys")).containsExactly("A", "B");
        });
    }

    @Test
    void tableOperationsTargetTheTableArnAndListTablesTargetsEverything() throws Exception {
        assertThat(derive("DescribeTable", "{\"TableName\":\"Orders\"}").get(0).resource())
                .isEqualTo("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
        assertThat(derive("ListTables", "{}").get(0).resource()).isEqualTo("*");
    }
}
