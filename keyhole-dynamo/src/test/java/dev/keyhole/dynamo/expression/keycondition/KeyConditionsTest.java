package dev.keyhole.dynamo.expression.keycondition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.expression.parse.ExpressionParser;
import dev.keyhole.dynamo.expression.resolve.ExpressionRequest;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionsTest {

    private static Condition parsed(String text) {
        return ExpressionParser.condition(ExpressionKind.KEY_CONDITION, text);
    }

    private static KeyCondition analyze(String text) {
        return KeyConditions.analyze(parsed(text), "pk", "sk");
    }

    private static void refused(String text, String message) {
        assertThatThrownBy(() -> analyze(text)).isInstanceOf(DynamoValidationException.class).hasMessage(message);
    }

    @Test
    void thePartitionKeyEqualityIsFoundBeforeValuesAreBound() {
        KeyCondition k = analyze("pk = :customer");
        assertThat(k.partitionKey()).isEqualTo("pk");
        assertThat(k.partitionPlaceholder()).isEqualTo(":customer");
        assertThat(k.sortKey()).isEmpty();
    }

    @Test
    void everySortKeyOperatorIsRead() {
        assertThat(analyze("pk = :p AND sk <= :s").sortKey().orElseThrow().operator()).isEqualTo(SortOperator.LE);
        assertThat(analyze("sk BETWEEN :a AND :b AND pk = :p").sortKey().orElseThrow().operator()).isEqualTo(SortOperator.BETWEEN);
        assertThat(analyze("pk = :p AND begins_with(sk, :s)").sortKey().orElseThrow().operator()).isEqualTo(SortOperator.BEGINS_WITH);
        assertThat(analyze("pk = :p AND :s > sk").sortKey().orElseThrow().operator()).isEqualTo(SortOperator.LT);
    }

    @Test
    void resolvedValuesTravelWithTheAnalysis() {
        Condition resolved = ExpressionRequest.of(Map.of("#pk", "pk"), Map.of(":p", AttributeValue.s("c-1")))
                .condition(ExpressionKind.KEY_CONDITION, "#pk = :p");
        assertThat(KeyConditions.analyze(resolved, "pk", null).partitionValue())
                .isEqualTo(new Operand.Value(AttributeValue.s("c-1"), ":p"));
    }

    @Test
    void aConditionWithoutThePartitionKeyIsRefused() {
        refused("sk = :s", "Query condition missed key schema element: pk");
        assertThat(KeyConditions.pinsPartitionKey(parsed("sk = :s"), "pk", "sk")).isFalse();
        assertThat(KeyConditions.pinsPartitionKey(parsed("pk = :p"), "pk", "sk")).isTrue();
    }

    @Test
    void aConditionOnANonKeyAttributeMissesTheSortKey() {
        refused("pk = :p AND extra = :o", "Query condition missed key schema element: sk");
    }

    @Test
    void thePartitionKeyNeedsEquality() {
        refused("pk > :p", "Query key condition not supported");
    }

    @Test
    void onlyAndJoinsKeyConditions() {
        refused("pk = :p OR sk = :s", "Invalid operator used in KeyConditionExpression: OR");
        refused("NOT pk = :p", "Invalid operator used in KeyConditionExpression: NOT");
        refused("pk IN (:a, :b)", "Invalid operator used in KeyConditionExpression: IN");
        refused("pk <> :p", "Invalid operator used in KeyConditionExpression: <>");
        refused("attribute_exists(pk)", "Invalid operator used in KeyConditionExpression: attribute_exists");
        refused("contains(pk, :p)", "Invalid operator used in KeyConditionExpression: contains");
    }

    @Test
    void eachKeyMayHaveOneCondition() {
        refused("pk = :p AND sk > :a AND sk < :b", "KeyConditionExpressions must only contain one condition per key");
    }

    @Test
    void keyConditionsAreSimple() {
        refused("size(pk) = :p", "KeyConditionExpressions cannot contain nested operations");
        refused("pk = sk", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        refused(":a = :b", "Invalid condition in KeyConditionExpression: No key attribute specified");
        refused("pk.x = :p", "KeyConditionExpressions cannot have conditions on nested attributes");
        refused(":a BETWEEN sk AND :b", "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        refused("begins_with(:a, sk)", "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
    }
}
