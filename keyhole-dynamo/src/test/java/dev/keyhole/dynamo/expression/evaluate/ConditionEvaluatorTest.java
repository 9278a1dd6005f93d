package dev.keyhole.dynamo.expression.evaluate;

import static dev.keyhole.dynamo.expression.evaluate.Items.condition;
import static dev.keyhole.dynamo.expression.evaluate.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.dynamo.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {"s":{"S":"hello"},"n":{"N":"10"},"b":{"B":"AQID"},"ss":{"SS":["x","y"]},"ns":{"NS":["1","2"]},
             "l":{"L":[{"S":"x"},{"N":"2"}]},"m":{"M":{"k":{"L":[{"N":"1"},{"M":{"deep":{"S":"yes"}}}]}}},"t":{"BOOL":true}}""");

    private static boolean holds(String text, String values) {
        return ConditionEvaluator.test(condition(text, values), ITEM);
    }

    @Test
    void comparisonsBetweenDifferentTypesAreFalse() {
        assertThat(holds("n = :v", "{\":v\":{\"S\":\"10\"}}")).isFalse();
        assertThat(holds("n < :v", "{\":v\":{\"S\":\"99\"}}")).isFalse();
        assertThat(holds("n <> :v", "{\":v\":{\"S\":\"10\"}}")).isTrue();
    }

    @Test
    void numbersCompareNumericallyAndStringsByBytes() {
        assertThat(holds("n > :v", "{\":v\":{\"N\":\"9.5\"}}")).isTrue();
        assertThat(holds("n = :v", "{\":v\":{\"N\":\"10.00\"}}")).isTrue();
        assertThat(holds("s < :v", "{\":v\":{\"S\":\"help\"}}")).isTrue();
    }

    @Test
    void aMissingAttributeFailsEveryComparisonButNotEqual() {
        assertThat(holds("nope = :v", "{\":v\":{\"N\":\"1\"}}")).isFalse();
        assertThat(holds("nope < :v", "{\":v\":{\"N\":\"1\"}}")).isFalse();
        assertThat(holds("nope <> :v", "{\":v\":{\"N\":\"1\"}}")).isTrue();
    }

    @Test
    void betweenIsInclusiveAndTypeStrict() {
        assertThat(holds("n BETWEEN :a AND :b", "{\":a\":{\"N\":\"10\"},\":b\":{\"N\":\"10\"}}")).isTrue();
        assertThat(holds("s BETWEEN :a AND :b", "{\":a\":{\"N\":\"1\"},\":b\":{\"N\":\"100\"}}")).isFalse();
    }

    @Test
    void inMatchesAnyCandidate() {
        assertThat(holds("s IN (:a, :b)", "{\":a\":{\"S\":\"x\"},\":b\":{\"S\":\"hello\"}}")).isTrue();
        assertThat(holds("s IN (:a)", "{\":a\":{\"S\":\"x\"}}")).isFalse();
    }

    @Test
    void nestedPathsReachIntoMapsAndLists() {
        assertThat(holds("m.k[1].deep = :v", "{\":v\":{\"S\":\"yes\"}}")).isTrue();
        assertThat(holds("attribute_exists(m.k[5])", null)).isFalse();
        assertThat(holds("attribute_not_exists(s.k)", null)).isTrue();
    }

    @Test
    void beginsWithWorksOnStringsAndBinary() {
        assertThat(holds("begins_with(s, :p)", "{\":p\":{\"S\":\"he\"}}")).isTrue();
        assertThat(holds("begins_with(b, :p)", "{\":p\":{\"B\":\"AQ==\"}}")).isTrue();
        assertThat(holds("begins_with(n, :p)", "{\":p\":{\"S\":\"1\"}}")).isFalse();
    }

    @Test
    void containsSearchesStringsSetsAndLists() {
        assertThat(holds("contains(s, :p)", "{\":p\":{\"S\":\"ell\"}}")).isTrue();
        assertThat(holds("contains(ss, :p)", "{\":p\":{\"S\":\"y\"}}")).isTrue();
        assertThat(holds("contains(ns, :p)", "{\":p\":{\"N\":\"2.0\"}}")).isTrue();
        assertThat(holds("contains(l, :p)", "{\":p\":{\"N\":\"2\"}}")).isTrue();
        assertThat(holds("contains(ss, :p)", "{\":p\":{\"N\":\"1\"}}")).isFalse();
    }

    @Test
    void sizeCountsCharactersBytesAndElements() {
        assertThat(holds("size(s) = :n", "{\":n\":{\"N\":\"5\"}}")).isTrue();
        assertThat(holds("size(b) = :n", "{\":n\":{\"N\":\"3\"}}")).isTrue();
        assertThat(holds("size(ss) = :n", "{\":n\":{\"N\":\"2\"}}")).isTrue();
        assertThat(holds("size(m) = :n", "{\":n\":{\"N\":\"1\"}}")).isTrue();
        assertThat(holds("size(n) >= :n", "{\":n\":{\"N\":\"0\"}}")).isFalse();
    }

    @Test
    void attributeTypeMatchesTheTypeCode() {
        assertThat(holds("attribute_type(ss, :t)", "{\":t\":{\"S\":\"SS\"}}")).isTrue();
        assertThat(holds("attribute_type(t, :t)", "{\":t\":{\"S\":\"S\"}}")).isFalse();
    }

    @Test
    void logicalOperatorsCombine() {
        assertThat(holds("NOT (n = :a OR s = :b) AND attribute_exists(t)", "{\":a\":{\"N\":\"1\"},\":b\":{\"S\":\"x\"}}")).isTrue();
    }
}
