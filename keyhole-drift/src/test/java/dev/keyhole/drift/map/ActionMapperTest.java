package dev.keyhole.drift.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.drift.trail.TrailEvent;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.dynamo.iam.TableKeys;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Event → IAM action, as https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html records calls. */
class ActionMapperTest {

    private final ActionMapper mapper = new ActionMapper(
            t -> t.equals("Orders") ? Optional.of(new TableKeys("customerId", "orderId", Map.of())) : Optional.empty());

    private List<IamCheck> checks(String name, String params) {
        return mapper.checks(new TrailEvent("e", Instant.EPOCH, TrailEvent.DYNAMODB, name, "eu-west-1", "111122223333",
                new TrailEvent.Identity("IAMUser", "arn:aws:iam::111122223333:user/u", null, null), null,
                params, "test"));
    }

    @Test
    void aQueryOnAnIndexNeedsQueryOnTheIndexArnWithTheAttributesItTouches() throws IOException {
        List<IamCheck> c = checks("Query", "{\"tableName\":\"Orders\",\"indexName\":\"byStatus\","
                + "\"keyConditionExpression\":\"#s = :s\",\"expressionAttributeNames\":{\"#s\":\"status\"},"
                + "\"projectionExpression\":\"orderId\"}");

        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.action()).isEqualTo("dynamodb:Query");
            assertThat(x.resource()).isEqualTo("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/index/byStatus");
            assertThat(x.keys().get("dynamodb:Attributes").values()).containsExactlyInAnyOrder("status", "orderId");
        });
    }

    @Test
    void aTransactionNeedsItsItemActionsWithTheEnclosingOperation() throws IOException {
        List<IamCheck> c = checks("TransactWriteItems", "{\"transactItems\":["
                + "{\"update\":{\"tableName\":\"Orders\",\"key\":{\"customerId\":\"C-1\",\"orderId\":\"O-1\"},\"updateExpression\":\"SET total = :t\"}},"
                + "{\"conditionCheck\":{\"tableName\":\"Customers\",\"key\":{\"customerId\":\"C-1\"},\"conditionExpression\":\"attribute_exists(customerId)\"}}]}");

        assertThat(c).extracting(IamCheck::action).containsExactly("dynamodb:UpdateItem", "dynamodb:ConditionCheckItem");
        assertThat(c).allSatisfy(x -> assertThat(x.keys().get("dynamodb:EnclosingOperation").values())
                .containsExactly("TransactWriteItems"));
        assertThat(c.get(0).keys().get("dynamodb:LeadingKeys").values()).containsExactly("C-1");
    }

    @Test
    void partiQlStatementsNeedThePartiQlActionOfTheirVerb() throws IOException {
        assertThat(checks("ExecuteStatement", "{\"statement\":\"SELECT * FROM \\\"Orders\\\".\\\"byStatus\\\" WHERE status = ?\"}"))
                .singleElement().satisfies(x -> {
                    assertThat(x.action()).isEqualTo("dynamodb:PartiQLSelect");
                    assertThat(x.resource()).endsWith(":table/Orders/index/byStatus");
                });
        assertThat(checks("BatchExecuteStatement", "{\"statements\":[{\"statement\":\"INSERT INTO Orders VALUE {'a':?}\"},"
                + "{\"statement\":\"update \\\"Orders\\\" SET a = ? WHERE customerId = ?\"},"
                + "{\"statement\":\"DELETE FROM \\\"Customers\\\" WHERE customerId = ?\"}]}"))
                .extracting(IamCheck::action, IamCheck::resource).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLInsert", "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"),
                        org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLUpdate", "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"),
                        org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLDelete", "arn:aws:dynamodb:eu-west-1:111122223333:table/Customers"));
    }

    @Test
    void aBatchNeedsOneCheckPerTable() throws IOException {
        List<IamCheck> c = checks("BatchGetItem", "{\"requestItems\":{\"Orders\":{\"keys\":[{\"customerId\":\"C-1\",\"orderId\":\"O-1\"}]},"
                + "\"Customers\":{\"keys\":[{\"customerId\":\"C-1\"}],\"projectionExpression\":\"tier\"}}}");

        assertThat(c).extracting(IamCheck::resource).containsExactlyInAnyOrder(
                "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders", "arn:aws:dynamodb:eu-west-1:111122223333:table/Customers");
    }

    @Test
    void anEventWithoutParametersKeepsItsActionOnAnyResource() throws IOException {
        assertThat(checks("GetItem", null)).singleElement()
                .satisfies(x -> assertThat(x).extracting(IamCheck::action, IamCheck::resource)
                        .containsExactly("dynamodb:GetItem", "*"));
    }
}
