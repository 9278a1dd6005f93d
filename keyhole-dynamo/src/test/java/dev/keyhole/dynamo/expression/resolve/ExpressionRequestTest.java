package dev.keyhole.dynamo.expression.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Comparator;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionRequestTest {

    private static final AttributeValue A = AttributeValue.s("a");

    private static void refused(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(DynamoValidationException.class).hasMessage(message);
    }

    private static ExpressionRequest request(Map<String, String> names, Map<String, AttributeValue> values) {
        return ExpressionRequest.of(names, values);
    }

    @Test
    void placeholdersAreReplacedByWhatTheRequestMapsThemTo() {
        Condition c = request(Map.of("#s", "status"), Map.of(":v", A)).condition(ExpressionKind.FILTER, "#s = :v");
        assertThat(c).isEqualTo(new Condition.Compare(Comparator.EQ, new Operand.Path(DocumentPath.of("status")), new Operand.Value(A, ":v")));
    }

    @Test
    void anUndefinedValueIsRefused() {
        refused(() -> request(null, Map.of(":a", A)).condition(ExpressionKind.FILTER, "a = :x"),
                "Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :x");
    }

    @Test
    void anUndefinedNameIsRefused() {
        refused(() -> request(Map.of("#a", "a"), null).projection("#a, #x"),
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
    }

    @Test
    void unusedValuesAreFoundAcrossTheWholeRequest() {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":a", A);
        values.put(":b", A);
        values.put(":x", A);
        Map<ExpressionKind, String> texts = Map.of(ExpressionKind.UPDATE, "SET c = :a", ExpressionKind.CONDITION, "c <> :b");
        refused(() -> ExpressionRequest.prepare(null, values, texts),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
    }

    @Test
    void unusedNamesAreReportedBeforeUnusedValues() {
        refused(() -> ExpressionRequest.prepare(Map.of("#x", "x"), Map.of(":y", A), Map.of(ExpressionKind.PROJECTION, "a")),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
    }

    @Test
    void aRequestUsingEveryPlaceholderPrepares() {
        PreparedExpressions p = ExpressionRequest.prepare(Map.of("#pk", "pk", "#n", "name"), Map.of(":pk", A, ":min", AttributeValue.n(1)),
                Map.of(ExpressionKind.KEY_CONDITION, "#pk = :pk", ExpressionKind.FILTER, "size(#n) >= :min",
                        ExpressionKind.PROJECTION, "#n, pk"));
        assertThat(p.keyConditionIfAny()).isPresent();
        assertThat(p.projection().paths()).containsExactly(DocumentPath.of("name"), DocumentPath.of("pk"));
        assertThat(p.updateIfAny()).isEmpty();
    }

    @Test
    void updateErrorsComeBeforeConditionErrors() {
        refused(() -> ExpressionRequest.prepare(null, null, Map.of(ExpressionKind.CONDITION, "", ExpressionKind.UPDATE, "")),
                "Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void emptyOrMalformedPlaceholderMapsAreRefused() {
        refused(() -> ExpressionRequest.of(Map.of(), null), "ExpressionAttributeNames must not be empty");
        refused(() -> ExpressionRequest.of(null, Map.of()), "ExpressionAttributeValues must not be empty");
        refused(() -> ExpressionRequest.of(Map.of("a", "a"), null), "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        refused(() -> ExpressionRequest.of(null, Map.of("a", A)), "ExpressionAttributeValues contains invalid key: Syntax error; key: \"a\"");
    }

    @Test
    void overlappingUpdatePathsAreRefused() {
        refused(() -> request(null, Map.of(":v", A)).update("SET a = :v REMOVE a.b"),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        refused(() -> request(Map.of("#c", "c", "#d", "[3]"), null).update("set #c[3].#d = a, #c[3] = a"),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3]]");
    }

    @Test
    void anOverlapIsReportedBeforeAConflict() {
        refused(() -> request(Map.of("#c", "c"), null).update("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a, b)"),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, [1], a], path two: [c]");
    }

    @Test
    void conflictingUpdatePathsAreRefused() {
        refused(() -> request(Map.of("#c", "c", "#d", "[3]"), null).update("remove a.#c set a[1] = #d"),
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]");
    }

    @Test
    void overlappingProjectionPathsAreRefused() {
        refused(() -> request(null, null).projection("a, a.b"),
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
    }

    @Test
    void addAndDeleteRefuseValuesOfTheWrongType() {
        refused(() -> request(null, Map.of(":a", A)).update("add a.b :a"),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
        refused(() -> request(null, Map.of(":a", AttributeValue.n(1))).update("delete a :a"),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
    }

    @Test
    void arithmeticAndListAppendRefuseLiteralValuesOfTheWrongType() {
        refused(() -> request(null, Map.of(":a", A)).update("set a = a + :a"),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
        refused(() -> request(null, Map.of(":b", AttributeValue.n(1))).update("set a = list_append(a, :b)"),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N");
    }

    @Test
    void betweenBoundsMustShareATypeAndBeOrdered() {
        refused(() -> request(null, Map.of(":a", A, ":b", AttributeValue.n(1))).condition(ExpressionKind.KEY_CONDITION, "a between :b and :a"),
                "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                        + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
        refused(() -> request(null, Map.of(":a", A, ":b", AttributeValue.s("b"))).condition(ExpressionKind.KEY_CONDITION, "a between :b and :a"),
                "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}");
    }

    @Test
    void functionsRefuseLiteralOperandsOfTheWrongType() {
        refused(() -> request(null, Map.of(":n", AttributeValue.n(1))).condition(ExpressionKind.FILTER, "begins_with(a, :n)"),
                "Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        refused(() -> request(null, Map.of(":t", AttributeValue.s("STRING"))).condition(ExpressionKind.FILTER, "attribute_type(a, :t)"),
                "Invalid FilterExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        refused(() -> request(null, null).condition(ExpressionKind.FILTER, "attribute_type(a, b)"),
                "Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
    }

    @Test
    void comparingAPathWithItselfIsRefused() {
        refused(() -> request(null, null).condition(ExpressionKind.CONDITION, "a.b = a.b"),
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, b]");
    }
}
