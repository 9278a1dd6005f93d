package dev.keyhole.dynamo.expression.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. It never fails: a character the language does not use becomes an
 * {@link TokenKind#UNKNOWN} token, so the parser can report it with its neighbours as DynamoDB does.
 */
final class Lexer {

    private Lexer() {}

    static List<Token> tokens(String source) {
        List<Token> out = new ArrayList<>(source.length() / 2 + 2);
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            if (isLetter(c)) {
                i = skipWord(source, i + 1);
                out.add(new Token(TokenKind.NAME, source.substring(start, i), start, i));
            } else if ((c == '#' || c == ':') && i + 1 < n && isWordPart(source.charAt(i + 1))) {
                i = skipWord(source, i + 1);
                out.add(new Token(c == '#' ? TokenKind.NAME_REF : TokenKind.VALUE_REF, source.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
                    i++;
                }
                out.add(new Token(TokenKind.NUMBER, source.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n
                    && (source.charAt(i + 1) == '=' || (c == '<' && source.charAt(i + 1) == '>'))) {
                i += 2;
                out.add(new Token(TokenKind.SYMBOL, source.substring(start, i), start, i));
            } else if ("=<>()[],.+-".indexOf(c) >= 0) {
                i++;
                out.add(new Token(TokenKind.SYMBOL, String.valueOf(c), start, i));
            } else {
                i += Character.charCount(source.codePointAt(i));
                out.add(new Token(TokenKind.UNKNOWN, source.substring(start, i), start, i));
            }
        }
        out.add(new Token(TokenKind.EOF, "<EOF>", n, n));
        return out;
    }

    private static int skipWord(String s, int i) {
        while (i < s.length() && isWordPart(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordPart(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
