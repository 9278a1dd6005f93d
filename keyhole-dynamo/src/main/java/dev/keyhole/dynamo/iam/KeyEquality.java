package dev.keyhole.dynamo.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the value placeholder a key condition compares the partition key to with {@code =}
 * ({@code pk = :v}, {@code #pk = :v} or {@code :v = pk}), for {@code dynamodb:LeadingKeys}.
 */
final class KeyEquality {

    private static final Pattern EQUALITY = Pattern.compile(
            "(#?[A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(:[A-Za-z0-9_]+)|(:[A-Za-z0-9_]+)\\s*=\\s*(#?[A-Za-z_][A-Za-z0-9_]*)");

    private KeyEquality() {}

    static Optional<String> find(String keyCondition, String partitionKey, JsonNode names) {
        Matcher m = EQUALITY.matcher(keyCondition);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String placeholder = m.group(1) != null ? m.group(2) : m.group(3);
            String real = name.startsWith("#") && names != null && names.has(name) ? names.get(name).asText() : name;
            if (real.equals(partitionKey)) {
                return Optional.of(placeholder);
            }
        }
        return Optional.empty();
    }
}
