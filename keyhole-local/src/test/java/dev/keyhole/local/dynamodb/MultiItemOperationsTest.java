package dev.keyhole.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultiItemOperationsTest extends EngineFixture {

    @BeforeEach
    void setUp() {
        createOrders();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static String key(String pk, int sk) {
        return "{'pk':{'S':'" + pk + "'},'sk':{'N':'" + sk + "'}}";
    }

    @Test
    void batchWriteThenBatchGet() {
        call("BatchWriteItem", "{'RequestItems':{'orders':[{'PutRequest':{'Item':" + key("a", 1) + "}},{'PutRequest':{'Item':"
                + key("a", 2) + "}}]}}");
        JsonNode out = call("BatchGetItem", "{'RequestItems':{'orders':{'Keys':[" + key("a", 1) + "," + key("a", 2) + "," + key("a", 3) + "]}}}");
        assertThat(out.get("Responses").get("orders")).hasSize(2);
        assertThat(out.get("UnprocessedKeys").isEmpty()).isTrue();
    }

    @Test
    void batchesRejectDuplicateKeys() {
        fails("BatchWriteItem", "{'RequestItems':{'orders':[{'PutRequest':{'Item':" + key("a", 1) + "}},{'DeleteRequest':{'Key':"
                + key("a", 1) + "}}]}}", "ValidationException", "Provided list of item keys contains duplicates");
        fails("BatchGetItem", "{'RequestItems':{'orders':{'Keys':[" + key("a", 1) + "," + key("a", 1) + "]}}}",
                "ValidationException", "Provided list of item keys contains duplicates");
    }

    @Test
    void batchGetIsLimitedTo100Keys() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 101; i++) keys.append(i == 0 ? "" : ",").append(key("a", i));
        fails("BatchGetItem", "{'RequestItems':{'orders':{'Keys':[" + keys + "]}}}", "ValidationException",
                "Too many items requested for the BatchGetItem call");
    }

    @Test
    void transactionAppliesAllOrNothing() {
        putOrder("a", 1, "open", 1);
        String tx = "{'TransactItems':[{'Put':{'TableName':'orders','Item':" + key("a", 2) + "}},"
                + "{'ConditionCheck':{'TableName':'orders','Key':" + key("a", 1) + ",'ConditionExpression':'#s = :c',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':c':{'S':'closed'}}}}]}";
        assertThatThrownBy(() -> call("TransactWriteItems", tx))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).endsWith("#TransactionCanceledException");
                    assertThat(e.getMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
                    assertThat(e.details().get("CancellationReasons").toString()).isEqualTo(
                            "[{\"Code\":\"None\"},{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\"}]");
                });
        assertThat(call("GetItem", "{'TableName':'orders','Key':" + key("a", 2) + "}").has("Item")).isFalse();
        call("TransactWriteItems", tx.replace("closed", "open"));
        JsonNode got = call("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'orders','Key':" + key("a", 2) + "}},"
                + "{'Get':{'TableName':'orders','Key':" + key("zz", 2) + "}}]}");
        assertThat(got.get("Responses").get(0).has("Item")).isTrue();
        assertThat(got.get("Responses").get(1).isEmpty()).isTrue();
    }

    @Test
    void transactionRejectsTwoOperationsOnOneItem() {
        fails("TransactWriteItems", "{'TransactItems':[{'Put':{'TableName':'orders','Item':" + key("a", 2) + "}},"
                + "{'Delete':{'TableName':'orders','Key':" + key("a", 2) + "}}]}", "ValidationException",
                "Transaction request cannot include multiple operations on one item");
    }
}
