package dev.keyhole.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest extends EngineFixture {

    @TempDir
    Path dir;

    @Test
    void tablesItemsAndIndexesSurviveReopen() {
        engine.close();
        engine = DynamoDbEngine.open(dir, "eu-west-1", "123456789012", CLOCK);
        createOrders();
        putOrder("a", 1, "open", 5);
        putOrder("a", 2, "open", 6);
        call("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'2'}}}");
        engine.close();

        engine = DynamoDbEngine.open(dir, "eu-west-1", "123456789012", CLOCK);
        try {
            JsonNode t = call("DescribeTable", "{'TableName':'orders'}").get("Table");
            assertThat(t.get("ItemCount").asInt()).isEqualTo(1);
            assertThat(call("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}").get("Item").get("note").get("S").asText())
                    .isEqualTo("n1");
            JsonNode q = call("Query", "{'TableName':'orders','IndexName':'by-status','KeyConditionExpression':'#s = :s',"
                    + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'open'}}}");
            assertThat(q.get("Count").asInt()).isEqualTo(1);
        } finally {
            engine.close();
        }
    }
}
