package dev.keyhole.dynamo.expression.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Comparator;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.expression.ast.PathElement;
import dev.keyhole.dynamo.expression.ast.UpdateAction;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    private static Condition filter(String text) {
        return ExpressionParser.condition(ExpressionKind.FILTER, text);
    }

    private static void refused(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(DynamoValidationException.class).hasMessage(message);
    }

    @Test
    void theReservedWordListIsDynamoDbsWholeList() {
        assertThat(ReservedWords.count()).isEqualTo(573);
        assertThat(ReservedWords.isReserved("status")).isTrue();
        assertThat(ReservedWords.isReserved("Flattern")).isTrue();
        assertThat(ReservedWords.isReserved("customerId")).isFalse();
    }

    @Test
    void aReservedWordAsABareAttributeNameIsRefused() {
        refused(() -> filter("status = :s"), "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status");
        refused(() -> ExpressionParser.projection("a.abORt"),
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: abORt");
        refused(() -> ExpressionParser.update(" remove Absolute "),
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Absolute");
    }

    @Test
    void aReservedWordBehindAPlaceholderIsFine() {
        assertThat(filter("#status = :s")).isEqualTo(new Condition.Compare(Comparator.EQ,
                new Operand.Path(new DocumentPath(List.of(new PathElement.NameRef("#status")))), new Operand.ValueRef(":s")));
    }

    @Test
    void aMissingOperandIsASyntaxErrorAtTheEnd() {
        refused(() -> ExpressionParser.condition(ExpressionKind.CONDITION, "foo"),
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"foo\"");
    }

    @Test
    void aSyntaxErrorShowsTheTokenWithItsNeighbours() {
        refused(() -> ExpressionParser.update("SET _123 = :v"), "Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"");
        refused(() -> ExpressionParser.condition(ExpressionKind.KEY_CONDITION, "[object Object]"),
                "Invalid KeyConditionExpression: Syntax error; token: \"[\", near: \"[object\"");
    }

    @Test
    void numberLiteralsAreNotOperands() {
        refused(() -> ExpressionParser.condition(ExpressionKind.KEY_CONDITION, "a > 4"),
                "Invalid KeyConditionExpression: Syntax error; token: \"4\", near: \"> 4\"");
    }

    @Test
    void anEmptyExpressionIsRefused() {
        refused(() -> filter("  "), "Invalid FilterExpression: The expression can not be empty;");
        refused(() -> ExpressionParser.update(""), "Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Condition c = filter("a = :a OR NOT b = :b AND c = :c");
        assertThat(c).isInstanceOf(Condition.Or.class);
        Condition.Or or = (Condition.Or) c;
        assertThat(or.right()).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) or.right()).left()).isInstanceOf(Condition.Not.class);
    }

    @Test
    void parenthesesOverridePrecedence() {
        Condition c = filter("(a = :a OR b = :b) AND c = :c");
        assertThat(c).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) c).left()).isInstanceOf(Condition.Or.class);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(filter("a between :x aNd :y or b In (:z)")).isInstanceOf(Condition.Or.class);
        assertThat(ExpressionParser.update("set a = :v remove b").actions()).hasSize(2);
    }

    @Test
    void pathsCarryNestedKeysAndListIndexes() {
        Condition c = filter("attribute_exists(a.#b[2].c)");
        assertThat(((Condition.AttributeExists) c).path().elements()).containsExactly(
                new PathElement.Name("a"), new PathElement.NameRef("#b"), new PathElement.Index(2), new PathElement.Name("c"));
    }

    @Test
    void everyFunctionParses() {
        assertThat(filter("attribute_not_exists(a)")).isInstanceOf(Condition.AttributeNotExists.class);
        assertThat(filter("attribute_type(a, :t)")).isInstanceOf(Condition.AttributeType.class);
        assertThat(filter("begins_with(a, :p)")).isInstanceOf(Condition.BeginsWith.class);
        assertThat(filter("contains(a, :p)")).isInstanceOf(Condition.Contains.class);
        assertThat(filter("size(a) > :n")).isEqualTo(new Condition.Compare(Comparator.GT,
                new Operand.Size(new Operand.Path(DocumentPath.of("a"))), new Operand.ValueRef(":n")));
        assertThat(filter("(a) <= (:b)")).isInstanceOf(Condition.Compare.class);
    }

    @Test
    void anUnknownFunctionIsRefusedByName() {
        refused(() -> filter("foo(a)"), "Invalid FilterExpression: Invalid function name; function: foo");
        refused(() -> ExpressionParser.update("set #c = if_not_exist(:c)"),
                "Invalid UpdateExpression: Invalid function name; function: if_not_exist");
    }

    @Test
    void conditionFunctionsCannotBeOperands() {
        refused(() -> filter("begins_with(a, :b) = :c OR a = begins_with(a, :b)"),
                "Invalid FilterExpression: Syntax error; token: \"=\", near: \") = :c\"");
        refused(() -> filter("a = contains(a, :b)"),
                "Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: contains");
        refused(() -> filter("size(a)"),
                "Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: size");
    }

    @Test
    void functionsCheckTheirOperandCountAndPaths() {
        refused(() -> filter("attribute_exists(a, b)"),
                "Invalid FilterExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        refused(() -> filter("attribute_exists(:a)"),
                "Invalid FilterExpression: Operator or function requires a document path; operator or function: attribute_exists");
        refused(() -> ExpressionParser.update("set a = if_not_exists(c)"),
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1");
        refused(() -> ExpressionParser.update("set a = if_not_exists(:a, c)"),
                "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
    }

    @Test
    void inAcceptsUpToOneHundredValues() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        assertThat(((Condition.In) filter("a IN (" + hundred + ")")).candidates()).hasSize(100);
        refused(() -> filter("a IN (" + hundred + ", :x)"),
                "Invalid FilterExpression: The IN operator is provided with too many operands; number of operands: 101");
    }

    @Test
    void redundantParenthesesAreRefused() {
        refused(() -> filter("((a = :b))"), "Invalid FilterExpression: The expression has redundant parentheses;");
        assertThat(filter("((a = :b) AND (c = :d))")).isInstanceOf(Condition.And.class);
    }

    @Test
    void updateSectionsComeInAnyOrderButOnlyOnce() {
        List<UpdateAction> actions = ExpressionParser.update("REMOVE x ADD n :one SET a = :v, b = if_not_exists(b, :z) DELETE s :s").actions();
        assertThat(actions).extracting(a -> a.getClass().getSimpleName()).containsExactly("Remove", "Add", "Set", "Set", "Delete");
        refused(() -> ExpressionParser.update("set a = #c set c = :d"),
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
    }

    @Test
    void updateArithmeticTakesExactlyTwoOperands() {
        assertThat(((UpdateAction.Set) ExpressionParser.update("SET a = b + :one").actions().getFirst()).value())
                .isInstanceOf(Operand.Arithmetic.class);
        assertThat(ExpressionParser.update("SET a = list_append(if_not_exists(a, :e), :l)").actions()).hasSize(1);
        refused(() -> ExpressionParser.update("set a = b + c + d"), "Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\"");
        refused(() -> ExpressionParser.update("set a = b * c"), "Invalid UpdateExpression: Syntax error; token: \"*\", near: \"b * c\"");
    }

    @Test
    void addAndDeleteTakeAValuePlaceholder() {
        refused(() -> ExpressionParser.update("add a b"), "Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"");
        refused(() -> ExpressionParser.update("remove a = b"), "Invalid UpdateExpression: Syntax error; token: \"=\", near: \"a = b\"");
    }

    @Test
    void aSyntaxErrorWinsOverAnEarlierReservedWord() {
        refused(() -> filter("status = :s AND"), "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    }
}
