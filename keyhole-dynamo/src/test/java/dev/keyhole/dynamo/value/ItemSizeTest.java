package dev.keyhole.dynamo.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemSizeTest {

    @Test
    void aStringCountsItsNameAndItsUtf8Bytes() {
        assertThat(ItemSize.of(Map.of("name", AttributeValue.s("héllo")))).isEqualTo(4 + 6);
    }

    @Test
    void binaryCountsRawBytesNotBase64() {
        assertThat(ItemSize.of(Map.of("b", AttributeValue.b(new byte[] {1, 2, 3})))).isEqualTo(1 + 3);
    }

    @Test
    void booleansAndNullsTakeOneByte() {
        assertThat(ItemSize.of(Map.of("t", AttributeValue.bool(true), "z", AttributeValue.nul()))).isEqualTo(1 + 1 + 1 + 1);
    }

    @Test
    void listsAndMapsTakeThreeBytesPlusOnePerElement() {
        assertThat(ItemSize.value(AttributeValue.l())).isEqualTo(3);
        assertThat(ItemSize.value(AttributeValue.l(AttributeValue.s("ab"), AttributeValue.nul()))).isEqualTo(3 + (1 + 2) + (1 + 1));
        assertThat(ItemSize.value(AttributeValue.m(Map.of("k", AttributeValue.s("v"))))).isEqualTo(3 + 1 + 1 + 1);
    }

    @Test
    void numbersTakeAboutOneBytePerTwoDigitsPlusOne() {
        assertThat(ItemSize.value(AttributeValue.n("12"))).isEqualTo(2);
        assertThat(ItemSize.value(AttributeValue.n("1234"))).isEqualTo(3);
        assertThat(ItemSize.value(AttributeValue.n("1.0"))).isEqualTo(ItemSize.value(AttributeValue.n("1")));
        assertThat(ItemSize.value(AttributeValue.n("12345678901234567890123456789012345678"))).isBetween(20L, 21L);
    }

    @Test
    void setsCountTheirMembers() {
        assertThat(ItemSize.value(AttributeValue.ss("ab", "c"))).isEqualTo(3);
    }

    @Test
    void anItemOver400KbIsRefused() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("a", AttributeValue.s("x".repeat(400 * 1024)));
        assertThatThrownBy(() -> ItemSize.checkWithinLimit(item)).hasMessage("Item size has exceeded the maximum allowed size");
        item.put("a", AttributeValue.s("x".repeat(400 * 1024 - 1)));
        ItemSize.checkWithinLimit(item);
    }

    @Test
    void capacityUnitsRoundUpPerStartedBlock() {
        assertThat(ItemSize.writeCapacityUnits(0)).isEqualTo(1);
        assertThat(ItemSize.writeCapacityUnits(1025)).isEqualTo(2);
        assertThat(ItemSize.readCapacityUnits(4097, true)).isEqualTo(2.0);
        assertThat(ItemSize.readCapacityUnits(4097, false)).isEqualTo(1.0);
        assertThat(ItemSize.readCapacityUnits(10, false)).isEqualTo(0.5);
    }
}
