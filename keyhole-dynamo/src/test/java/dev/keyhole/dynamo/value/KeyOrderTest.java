package dev.keyhole.dynamo.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyOrderTest {

    @Test
    void stringsOrderByUtf8BytesNotUtf16Units() {
        // U+FF61 is EF BD A1 in UTF-8, U+1F600 is F0 9F 98 80: the emoji sorts after, unlike String.compareTo
        assertThat(KeyOrder.compare(AttributeValue.s("\uFF61"), AttributeValue.s("\uD83D\uDE00"))).isNegative();
        assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
    }

    @Test
    void upperCaseSortsBeforeLowerCaseAndPrefixesFirst() {
        assertThat(KeyOrder.compare(AttributeValue.s("B"), AttributeValue.s("a"))).isNegative();
        assertThat(KeyOrder.compare(AttributeValue.s("ab"), AttributeValue.s("abc"))).isNegative();
    }

    @Test
    void numbersOrderNumerically() {
        assertThat(KeyOrder.compare(AttributeValue.n("9"), AttributeValue.n("10"))).isNegative();
        assertThat(KeyOrder.compare(AttributeValue.n("-1.5"), AttributeValue.n("-1.25"))).isNegative();
        assertThat(KeyOrder.compare(AttributeValue.n("1.0"), AttributeValue.n("1"))).isZero();
    }

    @Test
    void binaryOrdersByUnsignedBytes() {
        assertThat(KeyOrder.compare(AttributeValue.b((byte) 0x7F), AttributeValue.b((byte) 0x80))).isNegative();
    }

    @Test
    void valuesOfDifferentTypesHaveNoOrder() {
        assertThat(KeyOrder.comparable(AttributeValue.s("1"), AttributeValue.n("1"))).isFalse();
        assertThatThrownBy(() -> KeyOrder.compare(AttributeValue.s("1"), AttributeValue.n("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
