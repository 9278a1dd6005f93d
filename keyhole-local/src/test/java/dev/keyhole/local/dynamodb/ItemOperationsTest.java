package dev.keyhole.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemOperationsTest extends EngineFixture {

    @BeforeEach
    void setUp() {
        createOrders();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private JsonNode get(String pk, int sk) {
        return call("GetItem", "{'TableName':'orders','ConsistentRead':true,'Key':{'pk':{'S':'" + pk + "'},'sk':{'N':'" + sk + "'}}}");
    }

    @Test
    void putThenGetReturnsTheItemWithNormalizedNumbers() {
        call("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1.50'},'tags':{'SS':['x','y']},'m':{'M':{'l':{'L':[{'N':'007'},{'NULL':true},{'BOOL':false}]}}}}}");
        JsonNode item = call("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1.5'}}}").get("Item");
        assertThat(item.toString()).isEqualTo(
                "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.5\"},\"tags\":{\"SS\":[\"x\",\"y\"]},\"m\":{\"M\":{\"l\":{\"L\":[{\"N\":\"7\"},{\"NULL\":true},{\"BOOL\":false}]}}}}");
    }

    @Test
    void getWithANestedProjection() {
        call("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'m':{'M':{'x':{'N':'1'},'y':{'L':[{'S':'p'},{'S':'q'},{'S':'r'}]}}},'z':{'S':'z'}}}");
        JsonNode item = call("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
                + "'ProjectionExpression':'#m.y[2], #m.y[0], z','ExpressionAttributeNames':{'#m':'m'}}").get("Item");
        assertThat(item.toString()).isEqualTo("{\"m\":{\"M\":{\"y\":{\"L\":[{\"S\":\"p\"},{\"S\":\"r\"}]}}},\"z\":{\"S\":\"z\"}}");
    }

    @Test
    void missingItemHasNoItemField() {
        assertThat(get("zz", 1).has("Item")).isFalse();
    }

    @Test
    void keysAreCheckedAgainstTheSchema() {
        fails("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'}}}", "ValidationException",
                "The provided key element does not match the schema");
        fails("GetItem", "{'TableName':'orders','Key':{'pk':{'N':'1'},'sk':{'N':'1'}}}", "ValidationException",
                "The provided key element does not match the schema");
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'}}}", "ValidationException",
                "One or more parameter values were invalid: Missing the key sk in the item");
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'S':'1'}}}", "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S");
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':''},'sk':{'N':'1'}}}", "ValidationException",
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'status':{'N':'1'}}}", "ValidationException",
                "One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: by-status");
        fails("GetItem", "{'TableName':'nope','Key':{'pk':{'S':'a'}}}", "ResourceNotFoundException", "Requested resource not found");
    }

    @Test
    void attributeValuesAreValidated() {
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'x':{}}}", "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'x':{'S':'a','N':'1'}}}", "ValidationException",
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1E+126'}}}", "ValidationException",
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'x':{'SS':['a','a']}}}", "ValidationException",
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    }

    @Test
    void itemsOver400KbAreRejected() {
        String big = "x".repeat(400 * 1024);
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'b':{'S':'" + big + "'}}}",
                "ValidationException", "Item size has exceeded the maximum allowed size");
    }

    @Test
    void conditionalPutFailsWhenTheItemExists() {
        putOrder("a", 1, "open", 1);
        fails("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'}},'ConditionExpression':'attribute_not_exists(pk)'}",
                "ConditionalCheckFailedException", "The conditional request failed");
        call("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'b'},'sk':{'N':'1'}},'ConditionExpression':'attribute_not_exists(pk)'}");
        assertThat(get("b", 1).has("Item")).isTrue();
    }

    @Test
    void putReturnsTheOldItemOnRequest() {
        putOrder("a", 1, "open", 1);
        JsonNode out = call("PutItem", "{'TableName':'orders','ReturnValues':'ALL_OLD','Item':{'pk':{'S':'a'},'sk':{'N':'1'}}}");
        assertThat(out.get("Attributes").get("status").get("S").asText()).isEqualTo("open");
        fails("PutItem", "{'TableName':'orders','ReturnValues':'ALL_NEW','Item':{'pk':{'S':'a'},'sk':{'N':'1'}}}",
                "ValidationException", "ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void updateSupportsSetRemoveAddDeleteAndFunctions() {
        call("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'n':{'N':'5'},'l':{'L':[{'N':'1'},{'N':'2'},{'N':'3'}]},'r':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},"
                + "'s':{'SS':['x','y']},'gone':{'S':'g'}}}");
        JsonNode out = call("UpdateItem", """
                {'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ReturnValues':'ALL_NEW',
                 'UpdateExpression':'SET n = n + :one, l = list_append(l, :more), c = if_not_exists(c, :zero), m = :map REMOVE gone, r[0], r[2] ADD cnt :one, u :t DELETE s :x',
                 'ExpressionAttributeValues':{':one':{'N':'1'},':more':{'L':[{'N':'4'}]},':zero':{'N':'0'},':map':{'M':{'k':{'S':'v'}}},
                   ':t':{'SS':['z']},':x':{'SS':['x']}}}""");
        JsonNode a = out.get("Attributes");
        assertThat(a.get("n").get("N").asText()).isEqualTo("6");
        assertThat(a.get("l").toString()).isEqualTo("{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"N\":\"3\"},{\"N\":\"4\"}]}");
        assertThat(a.get("r").toString()).isEqualTo("{\"L\":[{\"S\":\"b\"}]}");
        assertThat(a.get("c").get("N").asText()).isEqualTo("0");
        assertThat(a.get("cnt").get("N").asText()).isEqualTo("1");
        assertThat(a.get("s").toString()).isEqualTo("{\"SS\":[\"y\"]}");
        assertThat(a.get("u").toString()).isEqualTo("{\"SS\":[\"z\"]}");
        assertThat(a.has("gone")).isFalse();
        JsonNode updated = call("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ReturnValues':'UPDATED_OLD',"
                + "'UpdateExpression':'SET m.k = :v','ExpressionAttributeValues':{':v':{'S':'w'}}}");
        assertThat(updated.get("Attributes").toString()).isEqualTo("{\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}}}");
    }

    @Test
    void updateCreatesAMissingItemAndRejectsKeyUpdates() {
        JsonNode out = call("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'n'},'sk':{'N':'2'}},'ReturnValues':'UPDATED_NEW',"
                + "'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'S':'x'}}}");
        assertThat(out.get("Attributes").toString()).isEqualTo("{\"v\":{\"S\":\"x\"}}");
        fails("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'n'},'sk':{'N':'2'}},'UpdateExpression':'SET pk = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'x'}}}", "ValidationException",
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
        fails("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'n'},'sk':{'N':'2'}},'UpdateExpression':'SET v = absent + :v',"
                + "'ExpressionAttributeValues':{':v':{'N':'1'}}}", "ValidationException",
                "The provided expression refers to an attribute that does not exist in the item");
        fails("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'n'},'sk':{'N':'2'}},'UpdateExpression':'SET a = :v, a.b = :v',"
                + "'ExpressionAttributeValues':{':v':{'N':'1'}}}", "ValidationException",
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
    }

    @Test
    void expressionPlaceholdersMustBeDefinedAndUsed() {
        fails("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ProjectionExpression':'#x'}", "ValidationException",
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
        fails("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ProjectionExpression':'pk','ExpressionAttributeNames':{'#u':'u'}}",
                "ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: keys: {#u}");
        fails("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ConditionExpression':'pk = :a',"
                + "'ExpressionAttributeValues':{':a':{'S':'a'},':b':{'S':'b'}}}", "ValidationException",
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
        fails("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ConditionExpression':'#s = :a',"
                + "'ExpressionAttributeNames':{'#s':'status'}}", "ValidationException",
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :a");
        fails("GetItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ProjectionExpression':'status'}", "ValidationException",
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }

    @Test
    void deleteWithConditionAndOldValues() {
        putOrder("a", 1, "open", 3);
        fails("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ConditionExpression':'#t > :v',"
                + "'ExpressionAttributeNames':{'#t':'total'},'ExpressionAttributeValues':{':v':{'N':'3'}}}",
                "ConditionalCheckFailedException", "The conditional request failed");
        JsonNode out = call("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ReturnValues':'ALL_OLD',"
                + "'ConditionExpression':'#t BETWEEN :a AND :b AND begins_with(note, :n)','ExpressionAttributeNames':{'#t':'total'},"
                + "'ExpressionAttributeValues':{':a':{'N':'1'},':b':{'N':'3'},':n':{'S':'n'}}}");
        assertThat(out.get("Attributes").get("total").get("N").asText()).isEqualTo("3");
        assertThat(get("a", 1).has("Item")).isFalse();
    }

    @Test
    void consumedCapacityUsesKilobyteUnits() {
        String body = "x".repeat(1500);
        JsonNode put = call("PutItem", "{'TableName':'orders','ReturnConsumedCapacity':'INDEXES','Item':{'pk':{'S':'a'},'sk':{'N':'1'},"
                + "'status':{'S':'s'},'total':{'N':'1'},'b':{'S':'" + body + "'}}}");
        JsonNode cc = put.get("ConsumedCapacity");
        assertThat(cc.get("Table").get("CapacityUnits").asDouble()).isEqualTo(2.0);
        assertThat(cc.get("GlobalSecondaryIndexes").get("by-status").get("CapacityUnits").asDouble()).isEqualTo(1.0);
        assertThat(cc.get("LocalSecondaryIndexes").get("by-total").get("CapacityUnits").asDouble()).isEqualTo(2.0);
        assertThat(cc.get("CapacityUnits").asDouble()).isEqualTo(5.0);
        JsonNode read = call("GetItem", "{'TableName':'orders','ReturnConsumedCapacity':'TOTAL','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}");
        assertThat(read.get("ConsumedCapacity").get("CapacityUnits").asDouble()).isEqualTo(0.5);
    }

    @Test
    void syntaxErrorsNameTheExpression() {
        assertThatThrownBy(() -> call("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ConditionExpression':'pk = '}"))
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
    }
}
