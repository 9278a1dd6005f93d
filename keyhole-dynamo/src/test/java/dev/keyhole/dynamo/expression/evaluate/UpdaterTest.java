package dev.keyhole.dynamo.expression.evaluate;

import static dev.keyhole.dynamo.expression.evaluate.Items.item;
import static dev.keyhole.dynamo.expression.evaluate.Items.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdaterTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {"pk":{"S":"k"},"n":{"N":"5"},"s":{"S":"str"},"ss":{"SS":["a","b"]},"l":{"L":[{"S":"x0"},{"S":"x1"},{"S":"x2"},{"S":"x3"}]},
             "m":{"M":{"inner":{"N":"1"}}}}""");

    private static Map<String, AttributeValue> apply(String text, String values) {
        return Updater.apply(update(text, values), ITEM);
    }

    private static void refused(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(DynamoValidationException.class).hasMessage(message);
    }

    @Test
    void setWritesTopLevelAndNestedValues() {
        Map<String, AttributeValue> out = apply("SET a = :v, m.extra = :v, l[1] = :v", "{\":v\":{\"S\":\"new\"}}");
        assertThat(out.get("a")).isEqualTo(AttributeValue.s("new"));
        assertThat(((AttributeValue.M) out.get("m")).values()).containsEntry("extra", AttributeValue.s("new"));
        assertThat(((AttributeValue.L) out.get("l")).values().get(1)).isEqualTo(AttributeValue.s("new"));
        assertThat(ITEM).doesNotContainKey("a");
    }

    @Test
    void setPastTheEndOfAListAppends() {
        Map<String, AttributeValue> out = apply("SET l[10] = :v", "{\":v\":{\"S\":\"end\"}}");
        assertThat(((AttributeValue.L) out.get("l")).values()).hasSize(5).last().isEqualTo(AttributeValue.s("end"));
    }

    @Test
    void arithmeticWorksOnNumbersOnly() {
        assertThat(apply("SET n = n + :d", "{\":d\":{\"N\":\"2.5\"}}").get("n")).isEqualTo(AttributeValue.n("7.5"));
        assertThat(apply("SET c = n - :d", "{\":d\":{\"N\":\"6\"}}").get("c")).isEqualTo(AttributeValue.n("-1"));
        refused(() -> apply("SET c = s + :d", "{\":d\":{\"N\":\"1\"}}"), "An operand in the update expression has an incorrect data type");
    }

    @Test
    void arithmeticOutOfRangeIsRefused() {
        refused(() -> apply("SET n = n + :d", "{\":d\":{\"N\":\"9.9999999999999999999999999999999999999E+125\"}}"),
                "Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void operandsReadTheItemAsItWasBeforeTheUpdate() {
        Map<String, AttributeValue> out = apply("SET s = n, n = s", null);
        assertThat(out.get("s")).isEqualTo(AttributeValue.n(5));
        assertThat(out.get("n")).isEqualTo(AttributeValue.s("str"));
    }

    @Test
    void aMissingOperandIsRefused() {
        refused(() -> apply("SET c = nothing", null), "The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        Map<String, AttributeValue> out = apply("SET n = if_not_exists(n, :z), c = if_not_exists(c, :z)", "{\":z\":{\"N\":\"0\"}}");
        assertThat(out.get("n")).isEqualTo(AttributeValue.n(5));
        assertThat(out.get("c")).isEqualTo(AttributeValue.n(0));
    }

    @Test
    void listAppendJoinsLists() {
        Map<String, AttributeValue> out = apply("SET l = list_append(:front, l)", "{\":front\":{\"L\":[{\"S\":\"first\"}]}}");
        assertThat(((AttributeValue.L) out.get("l")).values()).hasSize(5).first().isEqualTo(AttributeValue.s("first"));
        refused(() -> apply("SET l = list_append(s, :front)", "{\":front\":{\"L\":[]}}"), "An operand in the update expression has an incorrect data type");
    }

    @Test
    void removeOfListElementsUsesTheOriginalIndexes() {
        Map<String, AttributeValue> out = apply("REMOVE l[1], l[2], absent, m.nothing", null);
        assertThat(((AttributeValue.L) out.get("l")).values()).containsExactly(AttributeValue.s("x0"), AttributeValue.s("x3"));
        assertThat(out).doesNotContainKey("absent");
    }

    @Test
    void addIncrementsNumbersAndCreatesMissingOnes() {
        Map<String, AttributeValue> out = apply("ADD n :one, tally :one", "{\":one\":{\"N\":\"1\"}}");
        assertThat(out.get("n")).isEqualTo(AttributeValue.n(6));
        assertThat(out.get("tally")).isEqualTo(AttributeValue.n(1));
    }

    @Test
    void addUnitesSetsOfTheSameType() {
        assertThat(apply("ADD ss :s", "{\":s\":{\"SS\":[\"b\",\"c\"]}}").get("ss")).isEqualTo(AttributeValue.ss("a", "b", "c"));
        refused(() -> apply("ADD ss :s", "{\":s\":{\"NS\":[\"1\"]}}"), "An operand in the update expression has an incorrect data type");
        refused(() -> apply("ADD s :s", "{\":s\":{\"N\":\"1\"}}"), "An operand in the update expression has an incorrect data type");
    }

    @Test
    void deleteRemovesSetMembersAndAnEmptiedSetRemovesTheAttribute() {
        assertThat(apply("DELETE ss :s", "{\":s\":{\"SS\":[\"a\"]}}").get("ss")).isEqualTo(AttributeValue.ss("b"));
        assertThat(apply("DELETE ss :s", "{\":s\":{\"SS\":[\"a\",\"b\",\"z\"]}}")).doesNotContainKey("ss");
        assertThat(apply("DELETE nothing :s", "{\":s\":{\"SS\":[\"a\"]}}")).doesNotContainKey("nothing");
        refused(() -> apply("DELETE n :s", "{\":s\":{\"NS\":[\"1\"]}}"), "An operand in the update expression has an incorrect data type");
    }

    @Test
    void aPathThroughAMissingOrWrongParentIsInvalidForUpdate() {
        String invalid = "The document path provided in the update expression is invalid for update";
        refused(() -> apply("SET y.a = :v", "{\":v\":{\"S\":\"v\"}}"), invalid);
        refused(() -> apply("SET s.a = :v", "{\":v\":{\"S\":\"v\"}}"), invalid);
        refused(() -> apply("SET m[1] = :v", "{\":v\":{\"S\":\"v\"}}"), invalid);
        refused(() -> apply("REMOVE l.a", null), invalid);
        refused(() -> apply("ADD y[1] :v", "{\":v\":{\"N\":\"1\"}}"), invalid);
    }

    @Test
    void anUpdateOnANewItemStartsFromNothing() {
        assertThat(Updater.apply(update("SET a = :v ADD c :n", "{\":v\":{\"S\":\"x\"},\":n\":{\"N\":\"3\"}}"), Map.of()))
                .isEqualTo(item("{\"a\":{\"S\":\"x\"},\"c\":{\"N\":\"3\"}}"));
    }
}
