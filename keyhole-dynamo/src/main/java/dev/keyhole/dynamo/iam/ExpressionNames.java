package dev.keyhole.dynamo.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the top-level attribute names an expression touches, for {@code dynamodb:Attributes}.
 *
 * <p>Only what IAM needs: the first element of every document path ({@code a.b[0]} → {@code a},
 * {@code #n.x} → the name {@code #n} stands for). Syntax errors are not reported here: the request is
 * validated by the engine, and a malformed expression never reaches the data.
 */
final class ExpressionNames {

    private static final Set<String> WORDS = Set.of(
            "and", "or", "not", "between", "in", "set", "remove", "add", "delete");

    private ExpressionNames() {}

    /** Adds the top-level names of {@code expression} to {@code out}. */
    static void collect(String expression, JsonNode names, Set<String> out) {
        if (expression == null) {
            return;
        }
        int i = 0;
        int n = expression.length();
        char previous = ' ';
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == ':' ) {
                i = skipName(expression, i + 1);
                previous = 'v';
                continue;
            }
            if (c == '#' || isNameStart(c)) {
                int end = skipName(expression, c == '#' ? i + 1 : i);
                String token = expression.substring(i, end);
                int next = skipSpaces(expression, end);
                boolean function = next < n && expression.charAt(next) == '(';
                boolean pathContinuation = previous == '.';
                if (!function && !pathContinuation && !(c != '#' && WORDS.contains(token.toLowerCase(Locale.ROOT)))) {
                    if (c == '#') {
                        JsonNode real = names == null ? null : names.get(token);
                        if (real != null && real.isTextual()) {
                            out.add(real.asText());
                        }
                    } else {
                        out.add(token);
                    }
                }
                i = end;
                previous = 'n';
                continue;
            }
            if (c == '[') {
                int close = expression.indexOf(']', i);
                i = close < 0 ? n : close + 1;
                previous = ']';
                continue;
            }
            previous = c;
            i++;
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static int skipName(String s, int i) {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
