package dev.keyhole.drift.map;

import java.util.Locale;
import java.util.Optional;

/**
 * The IAM action and table of one PartiQL statement. DynamoDB authorizes ExecuteStatement,
 * BatchExecuteStatement and ExecuteTransaction as {@code dynamodb:PartiQLSelect}, {@code PartiQLInsert},
 * {@code PartiQLUpdate} or {@code PartiQLDelete} on the table (or index) the statement names
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html).
 *
 * @param action e.g. {@code dynamodb:PartiQLSelect}
 * @param table the table name
 * @param index the index of a {@code SELECT ... FROM "table"."index"}, or {@code null}
 */
record PartiQl(String action, String table, String index) {

    /** Reads the verb and the target of {@code statement}; empty when it is not one of the four. */
    static Optional<PartiQl> of(String statement) {
        if (statement == null) {
            return Optional.empty();
        }
        Tokens t = new Tokens(statement);
        String verb = t.word().toUpperCase(Locale.ROOT);
        String action;
        switch (verb) {
            case "SELECT" -> {
                action = "dynamodb:PartiQLSelect";
                if (!t.skipTo("FROM")) {
                    return Optional.empty();
                }
            }
            case "INSERT" -> {
                action = "dynamodb:PartiQLInsert";
                if (!t.skipTo("INTO")) {
                    return Optional.empty();
                }
            }
            case "UPDATE" -> action = "dynamodb:PartiQLUpdate";
            case "DELETE" -> {
                action = "dynamodb:PartiQLDelete";
                if (!t.skipTo("FROM")) {
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        String table = t.name();
        if (table == null) {
            return Optional.empty();
        }
        String index = t.peek() == '.' ? t.skipOne().name() : null;
        return Optional.of(new PartiQl(action, table, index));
    }

    /** A tiny reader over statement text: words, quoted or bare names. */
    private static final class Tokens {
        private final String s;
        private int i;

        Tokens(String s) {
            this.s = s;
        }

        char peek() {
            spaces();
            return i < s.length() ? s.charAt(i) : 0;
        }

        Tokens skipOne() {
            i++;
            return this;
        }

        String word() {
            spaces();
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        /** Moves past the next bare occurrence of {@code keyword}, outside quotes. */
        boolean skipTo(String keyword) {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = s.indexOf(c, i + 1);
                    i = end < 0 ? s.length() : end + 1;
                } else if (Character.isLetter(c)) {
                    if (word().equalsIgnoreCase(keyword)) {
                        return true;
                    }
                } else {
                    i++;
                }
            }
            return false;
        }

        String name() {
            spaces();
            if (i >= s.length()) {
                return null;
            }
            if (s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    return null;
                }
                String n = s.substring(i + 1, end);
                i = end + 1;
                return n;
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
                i++;
            }
            return i == start ? null : s.substring(start, i);
        }

        private void spaces() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
