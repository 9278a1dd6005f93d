package dev.keyhole.dynamo.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.dynamo.DynamoValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeValueTest {

    private static void refused(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(DynamoValidationException.class).hasMessage(message);
    }

    @Test
    void numbersAreNormalizedSoEqualValuesAreEqual() {
        assertThat(AttributeValue.n("1.0")).isEqualTo(AttributeValue.n("1"));
        assertThat(AttributeValue.n("0100").text()).isEqualTo("100");
        assertThat(AttributeValue.n("1E2")).isEqualTo(AttributeValue.n("100"));
        assertThat(AttributeValue.n("-0.000")).isEqualTo(AttributeValue.n("0"));
        assertThat(AttributeValue.n("0.50").text()).isEqualTo("0.5");
    }

    @Test
    void numbersAtTheEdgesOfTheRangeAreAccepted() {
        assertThat(AttributeValue.n("1E-130").value()).isEqualByComparingTo(new BigDecimal("1E-130"));
        assertThat(AttributeValue.n("9.9999999999999999999999999999999999999E+125").value().precision()).isEqualTo(38);
        assertThat(AttributeValue.n("-9.9999999999999999999999999999999999999E+125")).isNotNull();
    }

    @Test
    void aNumberTooLargeIsAnOverflow() {
        refused(() -> AttributeValue.n("1E+126"),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void aNumberTooSmallIsAnUnderflow() {
        refused(() -> AttributeValue.n("1E-131"),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    @Test
    void moreThan38SignificantDigitsAreRefused() {
        refused(() -> AttributeValue.n("1234567890123456789012345678901234567890"),
                "Attempting to store more than 38 significant digits in a Number");
        assertThat(AttributeValue.n("12345678901234567890123456789012345678000").text())
                .isEqualTo("12345678901234567890123456789012345678000");
    }

    @Test
    void textThatIsNotANumberIsRefusedWithTheText() {
        refused(() -> AttributeValue.n("abc"), "The parameter cannot be converted to a numeric value: abc");
        refused(() -> AttributeValue.n(""), "The parameter cannot be converted to a numeric value");
    }

    @Test
    void emptySetsAreRefusedWithDynamoDbsWording() {
        refused(() -> new AttributeValue.SS(Set.of()), "One or more parameter values were invalid: An string set  may not be empty");
        refused(() -> new AttributeValue.NS(Set.of()), "One or more parameter values were invalid: An number set  may not be empty");
        refused(() -> new AttributeValue.BS(Set.of()), "One or more parameter values were invalid: Binary sets should not be empty");
    }

    @Test
    void duplicateSetMembersAreRefusedWithDynamoDbsWording() {
        refused(() -> AttributeValue.ss("a", "a"), "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        refused(() -> AttributeValue.ns("1", "1.0"), "Input collection contains duplicates");
        refused(() -> AttributeValue.bs(List.of(Bytes.of((byte) 'b'), Bytes.of((byte) 'b'))),
                "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.");
    }

    @Test
    void setsCompareWithoutOrder() {
        assertThat(AttributeValue.ss("a", "b")).isEqualTo(AttributeValue.ss("b", "a"));
        assertThat(AttributeValue.ns("1", "2.0")).isEqualTo(AttributeValue.ns("2", "1"));
    }

    @Test
    void mapsAndListsCompareByContent() {
        assertThat(AttributeValue.m(Map.of("a", AttributeValue.n("1.0"))))
                .isEqualTo(AttributeValue.m(Map.of("a", AttributeValue.n("1"))));
        assertThat(AttributeValue.l(AttributeValue.s("x"), AttributeValue.nul()))
                .isNotEqualTo(AttributeValue.l(AttributeValue.nul(), AttributeValue.s("x")));
    }

    @Test
    void binaryValuesCompareByContent() {
        assertThat(AttributeValue.b((byte) 1, (byte) 2)).isEqualTo(AttributeValue.b((byte) 1, (byte) 2));
    }
}
