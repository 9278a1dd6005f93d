package dev.keyhole.dynamo.expression.parse;

/** One token with its source span {@code [start, end)}. */
record Token(TokenKind kind, String text, int start, int end) {

    boolean is(String symbol) {
        return kind == TokenKind.SYMBOL && text.equals(symbol);
    }

    /** Whether this is the keyword {@code word}, case-insensitively. */
    boolean isKeyword(String word) {
        return kind == TokenKind.NAME && text.equalsIgnoreCase(word);
    }
}
