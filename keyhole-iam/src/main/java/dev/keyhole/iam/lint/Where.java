package dev.keyhole.iam.lint;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON pointers into one policy document, following its shape (a single value or an array). */
final class Where {

    private final JsonNode root;

    Where(JsonNode root) {
        this.root = root;
    }

    String statement(int i) {
        JsonNode st = root.get("Statement");
        return st != null && st.isArray() ? "/Statement/" + i : "/Statement";
    }

    String element(int i, String field) {
        return statement(i) + "/" + field;
    }

    String value(int i, String field, int j) {
        JsonNode node = statementNode(i).get(field);
        return node != null && node.isArray() ? element(i, field) + "/" + j : element(i, field);
    }

    String condition(int i, String operator, String key) {
        return element(i, "Condition") + "/" + escape(operator) + "/" + escape(key);
    }

    private JsonNode statementNode(int i) {
        JsonNode st = root.get("Statement");
        return st.isArray() ? st.get(i) : st;
    }

    static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }
}
