package dev.keyhole.runbook.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published JSON Schema (docs/runbook.schema.json) agrees with the loader on the shipped runbooks. */
class RunbookSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Paths.get("../docs/runbook.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everyShippedRunbookValidatesAgainstThePublishedSchema() throws Exception {
        JsonSchema schema = schema();
        List<Path> files;
        try (Stream<Path> s = Files.list(Paths.get("../examples/runbooks"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            JsonNode doc = YAML.readTree(f.toFile());
            assertThat(schema.validate(doc)).as(f.toString()).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws Exception {
        JsonNode doc = YAML.readTree(Paths.get("../examples/runbooks/orders-by-customer.yaml").toFile());
        ((ObjectNode) doc).put("ownr", "x");
        assertThat(schema().validate(doc)).isNotEmpty();
        ObjectNode noProjection = (ObjectNode) YAML.readTree(
                Paths.get("../examples/runbooks/orders-by-customer.yaml").toFile());
        ((ObjectNode) noProjection.get("queries").get("recent")).remove("projection");
        assertThat(schema().validate(noProjection)).isNotEmpty();
    }
}
