package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading request fields, and DynamoDB's "N validation errors detected" constraint messages. */
final class Requests {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final List<String> errors = new ArrayList<>();

    static String text(JsonNode req, String field) {
        JsonNode v = req.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static boolean bool(JsonNode req, String field) {
        JsonNode v = req.get(field);
        return v != null && v.asBoolean();
    }

    /** Records a constraint violation as DynamoDB words it. */
    Requests fail(Object value, String path, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        errors.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    Requests notNull(JsonNode req, String field, String path) {
        JsonNode v = req.get(field);
        if (v == null || v.isNull()) fail(null, path, "Member must not be null");
        return this;
    }

    Requests tableName(String name, String path) {
        if (name == null) return fail(null, path, "Member must not be null");
        if (!NAME.matcher(name).matches()) fail(name, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        if (name.length() < 3) fail(name, path, "Member must have length greater than or equal to 3");
        if (name.length() > 255) fail(name, path, "Member must have length less than or equal to 255");
        return this;
    }

    Requests oneOf(String value, String path, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            fail(value, path, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    Requests range(JsonNode req, String field, String path, long min, long max) {
        JsonNode v = req.get(field);
        if (v == null || v.isNull()) return this;
        long n = v.asLong();
        if (n < min) fail(n, path, "Member must have value greater than or equal to " + min);
        if (n > max) fail(n, path, "Member must have value less than or equal to " + max);
        return this;
    }

    void check() {
        if (errors.isEmpty()) return;
        List<String> shown = errors.size() > 10 ? errors.subList(0, 10) : errors;
        throw DynamoDbException.validation(shown.size() + " validation error" + (shown.size() > 1 ? "s" : "")
                + " detected: " + String.join("; ", shown));
    }

    /** Checks TableName (required, pattern, length) for an operation on one table. */
    static String requireTableName(JsonNode req) {
        String name = text(req, "TableName");
        new Requests().tableName(name, "tableName").check();
        return name;
    }
}
