package dev.keyhole.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;

/** Shared helpers: an in-memory engine, JSON written with single quotes, error assertions. */
abstract class EngineFixture {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    DynamoDbEngine engine = DynamoDbEngine.open(null, "eu-west-1", "123456789012", CLOCK);

    static JsonNode j(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    JsonNode call(String op, String body) {
        return engine.handle(op, j(body));
    }

    AbstractThrowableAssert<?, ? extends Throwable> fails(String op, String body, String type, String message) {
        return assertThatThrownBy(() -> call(op, body))
                .isInstanceOf(DynamoDbException.class)
                .hasMessage(message)
                .matches(e -> ((DynamoDbException) e).type().endsWith("#" + type), "type " + type);
    }

    void createOrders() {
        call("CreateTable", """
                {'TableName':'orders','BillingMode':'PAY_PER_REQUEST',
                 'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},
                   {'AttributeName':'status','AttributeType':'S'},{'AttributeName':'total','AttributeType':'N'}],
                 'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],
                 'GlobalSecondaryIndexes':[{'IndexName':'by-status','KeySchema':[{'AttributeName':'status','KeyType':'HASH'},
                   {'AttributeName':'total','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}],
                 'LocalSecondaryIndexes':[{'IndexName':'by-total','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},
                   {'AttributeName':'total','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]}""");
    }

    void putOrder(String pk, int sk, String status, int total) {
        call("PutItem", "{'TableName':'orders','Item':{'pk':{'S':'" + pk + "'},'sk':{'N':'" + sk + "'}"
                + (status == null ? "" : ",'status':{'S':'" + status + "'}") + ",'total':{'N':'" + total + "'},'note':{'S':'n" + sk + "'}}}");
    }
}
