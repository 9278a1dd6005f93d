package dev.keyhole.dynamo.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.keyhole.dynamo.DynamoValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

class AttributeValueJsonTest {

    @Test
    void everyTypeReadsFromItsWireForm() {
        Map<String, AttributeValue> item = AttributeValueJson.parseItem("""
                {"s":{"S":"x"},"n":{"N":"1.50"},"b":{"B":"AQI="},"t":{"BOOL":true},"z":{"NULL":true},
                 "l":{"L":[{"S":"a"},{"N":"2"}]},"m":{"M":{"k":{"S":"v"}}},
                 "ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},"bs":{"BS":["AQ=="]}}""");
        assertThat(item.get("s")).isEqualTo(AttributeValue.s("x"));
        assertThat(item.get("n")).isEqualTo(AttributeValue.n("1.5"));
        assertThat(item.get("b")).isEqualTo(AttributeValue.b((byte) 1, (byte) 2));
        assertThat(item.get("t")).isEqualTo(AttributeValue.bool(true));
        assertThat(item.get("z")).isEqualTo(AttributeValue.nul());
        assertThat(item.get("l")).isEqualTo(AttributeValue.l(AttributeValue.s("a"), AttributeValue.n(2)));
        assertThat(item.get("m")).isEqualTo(AttributeValue.m(Map.of("k", AttributeValue.s("v"))));
        assertThat(item.get("ss")).isEqualTo(AttributeValue.ss("b", "a"));
        assertThat(item.get("ns")).isEqualTo(AttributeValue.ns("2", "1"));
        assertThat(item.get("bs")).isEqualTo(AttributeValue.bs(List.of(Bytes.of((byte) 1))));
    }

    @Test
    void numbersAreWrittenNormalized() {
        assertThat(AttributeValueJson.toJson(AttributeValue.n("001.100"))).isEqualTo("{\"N\":\"1.1\"}");
    }

    @Test
    void anEmptyAttributeValueIsRefused() {
        assertThatThrownBy(() -> AttributeValueJson.parse("{}")).isInstanceOf(DynamoValidationException.class)
                .hasMessage("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    @Test
    void anAttributeValueWithTwoTypesIsRefused() {
        assertThatThrownBy(() -> AttributeValueJson.parse("{\"S\":\"a\",\"N\":\"1\"}"))
                .hasMessage("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }

    @Test
    void aNullThatIsNotTrueIsRefused() {
        assertThatThrownBy(() -> AttributeValueJson.parse("{\"NULL\":false}"))
                .hasMessage("One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void aStringWhereAStructureBelongsIsASerializationError() {
        assertThatThrownBy(() -> AttributeValueJson.parseItem("{\"a\":\"x\"}"))
                .isInstanceOfSatisfying(DynamoValidationException.class,
                        e -> assertThat(e.errorType()).isEqualTo(DynamoValidationException.SERIALIZATION));
    }

    @Test
    void badExpressionAttributeValuesNameTheirKey() throws Exception {
        try (JsonParser p = new JsonFactory().createParser("{\":a\":{\"S\":\"x\"},\":b\":{\"SS\":[\"a\",\"a\"]}}")) {
            p.nextToken();
            assertThatThrownBy(() -> AttributeValueJson.readExpressionAttributeValues(p)).hasMessage(
                    "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                            + "Input collection [a, a] contains duplicates. for key :b");
        }
    }

    @Test
    void anyItemSurvivesAWriteAndReadRoundTrip() {
        qt().withExamples(500).forAll(items()).checkAssert(item ->
                assertThat(AttributeValueJson.parseItem(AttributeValueJson.itemToJson(item))).isEqualTo(item));
    }

    static Gen<Map<String, AttributeValue>> items() {
        return in -> {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            long n = in.next(Constraint.between(0, 6));
            for (int i = 0; i < n; i++) {
                item.put(text(in), value(in, 3));
            }
            return item;
        };
    }

    static AttributeValue value(RandomnessSource in, int depth) {
        int kind = (int) in.next(Constraint.between(0, depth > 0 ? 9 : 7));
        return switch (kind) {
            case 0 -> AttributeValue.s(text(in));
            case 1 -> new AttributeValue.N(number(in));
            case 2 -> new AttributeValue.B(bytes(in));
            case 3 -> AttributeValue.bool(in.next(Constraint.between(0, 1)) == 1);
            case 4 -> AttributeValue.nul();
            case 5 -> {
                Set<String> s = new LinkedHashSet<>();
                do {
                    s.add(text(in));
                } while (in.next(Constraint.between(0, 2)) > 0);
                yield new AttributeValue.SS(s);
            }
            case 6 -> {
                Set<BigDecimal> s = new LinkedHashSet<>();
                do {
                    s.add(number(in));
                } while (in.next(Constraint.between(0, 2)) > 0);
                yield new AttributeValue.NS(s);
            }
            case 7 -> new AttributeValue.BS(Set.of(bytes(in)));
            case 8 -> {
                List<AttributeValue> l = new ArrayList<>();
                long n = in.next(Constraint.between(0, 3));
                for (int i = 0; i < n; i++) {
                    l.add(value(in, depth - 1));
                }
                yield new AttributeValue.L(l);
            }
            default -> {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                long n = in.next(Constraint.between(0, 3));
                for (int i = 0; i < n; i++) {
                    m.put(text(in), value(in, depth - 1));
                }
                yield new AttributeValue.M(m);
            }
        };
    }

    static String text(RandomnessSource in) {
        StringBuilder b = new StringBuilder();
        long n = in.next(Constraint.between(0, 8));
        for (int i = 0; i < n; i++) {
            b.appendCodePoint((int) in.next(Constraint.between(0x20, 0x2FF)));
        }
        if (in.next(Constraint.between(0, 5)) == 0) {
            b.appendCodePoint(0x1F600); // a supplementary character
        }
        return b.toString();
    }

    static BigDecimal number(RandomnessSource in) {
        long unscaled = in.next(Constraint.between(-1_000_000_000_000L, 1_000_000_000_000L));
        int scale = (int) in.next(Constraint.between(-100, 100));
        return BigDecimal.valueOf(unscaled, scale);
    }

    static Bytes bytes(RandomnessSource in) {
        byte[] b = new byte[(int) in.next(Constraint.between(0, 6))];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) in.next(Constraint.between(-128, 127));
        }
        return Bytes.of(b);
    }
}
