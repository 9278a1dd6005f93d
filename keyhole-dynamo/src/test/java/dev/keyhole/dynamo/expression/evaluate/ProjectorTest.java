package dev.keyhole.dynamo.expression.evaluate;

import static dev.keyhole.dynamo.expression.evaluate.Items.item;
import static dev.keyhole.dynamo.expression.evaluate.Items.projection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.dynamo.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectorTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {"a":{"M":{"b":{"L":[{"N":"0"},{"N":"1"},{"M":{"c":{"S":"x"},"d":{"S":"y"}}}]},"e":{"S":"e"}}},"f":{"S":"f"},"g":{"S":"g"}}""");

    @Test
    void topLevelAttributesAreSelected() {
        assertThat(Projector.apply(projection("f, absent"), ITEM)).isEqualTo(item("{\"f\":{\"S\":\"f\"}}"));
    }

    @Test
    void nestedPathsKeepTheirEnclosingStructure() {
        assertThat(Projector.apply(projection("a.b[2].c"), ITEM))
                .isEqualTo(item("{\"a\":{\"M\":{\"b\":{\"L\":[{\"M\":{\"c\":{\"S\":\"x\"}}}]}}}}"));
    }

    @Test
    void pathsSharingAPrefixMergeAndListElementsKeepIndexOrder() {
        assertThat(Projector.apply(projection("a.b[2].d, a.e, a.b[0]"), ITEM)).isEqualTo(item("""
                {"a":{"M":{"b":{"L":[{"N":"0"},{"M":{"d":{"S":"y"}}}]},"e":{"S":"e"}}}}"""));
    }

    @Test
    void aPathThroughTheWrongTypeSelectsNothing() {
        assertThat(Projector.apply(projection("f.x, a[0]"), ITEM)).isEmpty();
    }
}
