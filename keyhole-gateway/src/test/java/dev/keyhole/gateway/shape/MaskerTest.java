package dev.keyhole.gateway.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.runbook.model.MaskRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class MaskerTest {

    private static final Masker MASKER = new Masker(new byte[32]);
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "email", AttributeValue.fromS("ada@example.com"),
            "card", AttributeValue.fromS("4111111111111111"),
            "total", AttributeValue.fromN("1234.50"),
            "name", AttributeValue.fromS("Ada"));

    @Test
    void redactHashAndPartialMaskOnlyTheNamedAttributes() {
        Map<String, AttributeValue> m = MASKER.mask(ITEM, List.of(
                new MaskRule("card", MaskRule.Mode.PARTIAL, 4),
                new MaskRule("email", MaskRule.Mode.HASH, 4),
                new MaskRule("total", MaskRule.Mode.REDACT, 4)));
        assertThat(m.get("card").s()).isEqualTo("************1111");
        assertThat(m.get("email").s()).startsWith("hash:").hasSize(21).doesNotContain("ada");
        assertThat(m.get("total").s()).isEqualTo(Masker.REDACTED);
        assertThat(m.get("name").s()).isEqualTo("Ada");
    }

    @Test
    void equalValuesHashEquallyUnderOneKeyAndDifferentlyUnderAnother() {
        List<MaskRule> hash = List.of(new MaskRule("email", MaskRule.Mode.HASH, 4));
        String a = MASKER.mask(ITEM, hash).get("email").s();
        String b = MASKER.mask(ITEM, hash).get("email").s();
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        String c = new Masker(otherKey).mask(ITEM, hash).get("email").s();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aShortValueIsFullyHiddenByPartial() {
        assertThat(MASKER.mask(ITEM, List.of(new MaskRule("name", MaskRule.Mode.PARTIAL, 4))).get("name").s())
                .isEqualTo("***");
    }
}
