package dev.keyhole.local.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens, keeping each token's position for syntax error messages. */
final class Lexer {

    enum Kind { NAME, HASH_NAME, VALUE, NUMBER, SYMBOL, EOF }

    record Token(Kind kind, String text, int start, int end) {
        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equalsIgnoreCase(symbolOrKeyword);
        }
    }

    private Lexer() {}

    static List<Token> tokenize(String source, String label) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isNamePart(source.charAt(i))) i++;
                if (i == start + 1) {
                    throw syntax(label, source, out, new Token(Kind.SYMBOL, String.valueOf(c), start, start + 1));
                }
                out.add(new Token(c == '#' ? Kind.HASH_NAME : Kind.VALUE, source.substring(start, i), start, i));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && isNamePart(source.charAt(i))) i++;
                out.add(new Token(Kind.NAME, source.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(source.charAt(i))) i++;
                out.add(new Token(Kind.NUMBER, source.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n && (source.charAt(i + 1) == '=' || (c == '<' && source.charAt(i + 1) == '>'))) {
                i += 2;
                out.add(new Token(Kind.SYMBOL, source.substring(start, i), start, i));
            } else if ("=<>()[],.+-".indexOf(c) >= 0) {
                i++;
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), start, i));
            } else {
                throw DynamoDbException.validation("Invalid " + label + ": Syntax error; token: \"" + c
                        + "\", near: \"" + near(source, start, i + 1) + "\""); // wording not verified
            }
        }
        out.add(new Token(Kind.EOF, "<EOF>", n, n));
        return out;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static DynamoDbException syntax(String label, String source, List<Token> tokens, Token at) {
        int idx = tokens.indexOf(at);
        int from = idx > 0 ? tokens.get(idx - 1).start() : at.start();
        int to = at.end();
        if (idx >= 0 && idx + 1 < tokens.size()) to = tokens.get(idx + 1).end();
        // wording not verified: DynamoDB shows the offending token and its neighbours
        return DynamoDbException.validation("Invalid " + label + ": Syntax error; token: \"" + at.text()
                + "\", near: \"" + near(source, from, Math.max(to, at.end())) + "\"");
    }

    private static String near(String source, int from, int to) {
        return source.substring(Math.max(0, from), Math.min(source.length(), to));
    }
}
