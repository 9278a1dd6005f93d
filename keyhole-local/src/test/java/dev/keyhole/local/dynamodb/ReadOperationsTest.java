package dev.keyhole.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadOperationsTest extends EngineFixture {

    @BeforeEach
    void setUp() {
        createOrders();
        for (int i = 1; i <= 10; i++) putOrder("a", i, i % 2 == 0 ? "open" : null, 100 - i);
        putOrder("b", 1, "open", 7);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static List<Integer> sks(JsonNode out) {
        List<Integer> r = new ArrayList<>();
        out.get("Items").forEach(i -> r.add(i.get("sk").get("N").asInt()));
        return r;
    }

    @Test
    void queryReturnsThePartitionInSortKeyOrderBothWays() {
        String q = "{'TableName':'orders','KeyConditionExpression':'pk = :p AND sk BETWEEN :lo AND :hi',"
                + "'ExpressionAttributeValues':{':p':{'S':'a'},':lo':{'N':'3'},':hi':{'N':'6'}}";
        assertThat(sks(call("Query", q + "}"))).containsExactly(3, 4, 5, 6);
        assertThat(sks(call("Query", q + ",'ScanIndexForward':false}"))).containsExactly(6, 5, 4, 3);
    }

    @Test
    void limitCountsEvaluatedItemsBeforeTheFilter() {
        JsonNode out = call("Query", "{'TableName':'orders','KeyConditionExpression':'pk = :p','Limit':4,"
                + "'FilterExpression':'attribute_exists(#s)','ExpressionAttributeNames':{'#s':'status'},"
                + "'ExpressionAttributeValues':{':p':{'S':'a'}}}");
        assertThat(sks(out)).containsExactly(2, 4);
        assertThat(out.get("ScannedCount").asInt()).isEqualTo(4);
        assertThat(out.get("Count").asInt()).isEqualTo(2);
        assertThat(out.get("LastEvaluatedKey").toString()).isEqualTo("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"4\"}}");
    }

    @Test
    void paginationFollowsLastEvaluatedKey() {
        List<Integer> all = new ArrayList<>();
        String start = "";
        for (int page = 0; page < 10; page++) {
            JsonNode out = call("Query", "{'TableName':'orders','KeyConditionExpression':'pk = :p','Limit':3,'ScanIndexForward':false,"
                    + "'ExpressionAttributeValues':{':p':{'S':'a'}}" + start + "}");
            all.addAll(sks(out));
            if (!out.has("LastEvaluatedKey")) break;
            start = ",'ExclusiveStartKey':" + out.get("LastEvaluatedKey").toString().replace('"', '\'');
        }
        assertThat(all).containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void globalIndexIsSparseAndItsKeyIncludesTheTableKey() {
        JsonNode out = call("Query", "{'TableName':'orders','IndexName':'by-status','KeyConditionExpression':'#s = :s',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'open'}},'Limit':2}");
        assertThat(out.get("Count").asInt()).isEqualTo(2);
        assertThat(out.get("Items").get(0).toString()).isEqualTo(
                "{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"},\"status\":{\"S\":\"open\"},\"total\":{\"N\":\"7\"}}");
        assertThat(out.get("LastEvaluatedKey").toString()).isEqualTo(
                "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"10\"},\"status\":{\"S\":\"open\"},\"total\":{\"N\":\"90\"}}");
        JsonNode count = call("Scan", "{'TableName':'orders','IndexName':'by-status','Select':'COUNT'}");
        assertThat(count.get("Count").asInt()).isEqualTo(6);
        assertThat(count.has("Items")).isFalse();
    }

    @Test
    void localIndexOrdersByItsSortKey() {
        JsonNode out = call("Query", "{'TableName':'orders','IndexName':'by-total','KeyConditionExpression':'pk = :p AND #t < :t',"
                + "'ExpressionAttributeNames':{'#t':'total'},'ExpressionAttributeValues':{':p':{'S':'a'},':t':{'N':'93'}},'ConsistentRead':true}");
        assertThat(sks(out)).containsExactly(10, 9, 8);
    }

    @Test
    void writesMoveItemsBetweenIndexEntries() {
        call("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'2'}},'UpdateExpression':'REMOVE #s',"
                + "'ExpressionAttributeNames':{'#s':'status'}}");
        call("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'4'}},'UpdateExpression':'SET #s = :c',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':c':{'S':'closed'}}}");
        call("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'6'}}}");
        JsonNode open = call("Scan", "{'TableName':'orders','IndexName':'by-status','Select':'COUNT'}");
        assertThat(open.get("Count").asInt()).isEqualTo(4);
        JsonNode closed = call("Query", "{'TableName':'orders','IndexName':'by-status','KeyConditionExpression':'#s = :c',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':c':{'S':'closed'}}}");
        assertThat(sks(closed)).containsExactly(4);
    }

    @Test
    void readErrorsMatchDynamoDb() {
        fails("Query", "{'TableName':'orders','IndexName':'by-status','ConsistentRead':true,'KeyConditionExpression':'#s = :s',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'open'}}}",
                "ValidationException", "Consistent reads are not supported on global secondary indexes");
        fails("Query", "{'TableName':'orders','KeyConditionExpression':'sk = :s','ExpressionAttributeValues':{':s':{'N':'1'}}}",
                "ValidationException", "Query condition missed key schema element: pk");
        fails("Query", "{'TableName':'orders','KeyConditionExpression':'pk = :p','FilterExpression':'sk > :s',"
                + "'ExpressionAttributeValues':{':p':{'S':'a'},':s':{'N':'1'}}}", "ValidationException",
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
        fails("Query", "{'TableName':'orders','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'N':'1'}}}",
                "ValidationException", "One or more parameter values were invalid: Condition parameter type does not match schema type");
        fails("Query", "{'TableName':'orders','IndexName':'nope','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}}}",
                "ValidationException", "The table does not have the specified index: nope");
        fails("Query", "{'TableName':'orders','IndexName':'by-status','Select':'ALL_ATTRIBUTES','KeyConditionExpression':'#s = :s',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'open'}}}", "ValidationException",
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                        + "by-status because its projection type is not ALL");
        fails("Scan", "{'TableName':'orders','Segment':1,'TotalSegments':1}", "ValidationException",
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is out of bounds for TotalSegments: 1");
        fails("Scan", "{'TableName':'orders','Limit':0}", "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void parallelScanSegmentsPartitionTheTable() {
        int total = 0;
        for (int s = 0; s < 3; s++) {
            total += call("Scan", "{'TableName':'orders','Segment':" + s + ",'TotalSegments':3}").get("Count").asInt();
        }
        assertThat(total).isEqualTo(11);
    }

    @Test
    void scanPagesStopAtOneMegabyte() {
        String big = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            call("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'big'},'sk':{'N':'" + i + "'},'b':{'S':'" + big + "'}}}");
        }
        JsonNode out = call("Query", "{'TableName':'orders','KeyConditionExpression':'pk = :p','ReturnConsumedCapacity':'TOTAL',"
                + "'ExpressionAttributeValues':{':p':{'S':'big'}}}");
        assertThat(out.get("Count").asInt()).isEqualTo(4);
        assertThat(out.has("LastEvaluatedKey")).isTrue();
        // 4 items of ~300 KB: ceil(1228.8 KB / 4 KB) = 301 units, halved for an eventually consistent read.
        assertThat(out.get("ConsumedCapacity").get("CapacityUnits").asDouble()).isEqualTo(150.5);
    }

    @Test
    void stringsSortByUtf8Bytes() {
        call("CreateTable", "{'TableName':'strs','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'},"
                + "{'AttributeName':'s','AttributeType':'S'}],'KeySchema':[{'AttributeName':'p','KeyType':'HASH'},{'AttributeName':'s','KeyType':'RANGE'}]}");
        for (String s : new String[] {"\uFF21", "a", "\uD83D\uDE00", "B", "ab"}) {
            call("PutItem", "{'TableName':'strs','Item':{'p':{'S':'x'},'s':{'S':'" + s + "'}}}");
        }
        JsonNode out = call("Query", "{'TableName':'strs','KeyConditionExpression':'p = :p','ExpressionAttributeValues':{':p':{'S':'x'}}}");
        List<String> order = new ArrayList<>();
        out.get("Items").forEach(i -> order.add(i.get("s").get("S").asText()));
        assertThat(order).containsExactly("B", "a", "ab", "\uFF21", "\uD83D\uDE00");
    }
}
