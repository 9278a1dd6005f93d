package dev.keyhole.gateway.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text keyhole writes back or keeps: error messages and audit records often quote what
 * somebody typed, and somebody sometimes types a secret in the wrong field. Redacted: the secret part of a
 * keyhole API token ({@code kh_<id>_<secret>} keeps its id, which {@code keyhole tokens list} shows anyway),
 * and text shaped like an AWS secret access key (40 characters of base64, mixed case, with digits) or an STS
 * session token (a long run of base64). Hashes (hex, one case), ids and ARNs are left alone.
 */
public final class Redaction {

    /** What stands where a secret was. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern SECRETS = Pattern.compile(
            "(?<token>kh_[A-Za-z0-9]{12}_)[A-Za-z0-9_-]{43}"
                    + "|(?<![A-Za-z0-9/+_-])(?=[A-Za-z0-9/+]*[0-9][A-Za-z0-9/+]*[0-9])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])"
                    + "[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])"
                    + "|(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{100,}={0,2}(?![A-Za-z0-9+/_-])");
    /** Shorter text holds none of the shapes above, so most text skips the expression. */
    private static final int SHORTEST = 40;

    private Redaction() {
    }

    /** {@code text} with every secret in it replaced; the same string when there is none. */
    public static String redact(String text) {
        if (text == null || text.length() < SHORTEST || !mayHoldSecret(text)) {
            return text;
        }
        return redactByExpression(text);
    }

    /**
     * Whether {@code text} has what every shape above needs: {@code kh_}, or a maximal run of
     * {@code [A-Za-z0-9/+]} exactly 40 long (an AWS secret key, delimited on both sides) or at least 100 long
     * (a session token). One pass, no backtracking: every field of every audit record comes here, and the
     * expression's look-aheads cost far more on the long ids and hashes that are no secret.
     */
    static boolean mayHoldSecret(String text) {
        if (text.contains("kh_")) {
            return true;
        }
        int run = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '+') {
                run++;
            } else {
                if (run == 40 || run >= 100) {
                    return true;
                }
                run = 0;
            }
        }
        return false;
    }

    /** {@link #redact} by the expression alone, for text that passed {@link #mayHoldSecret}. */
    static String redactByExpression(String text) {
        Matcher m = SECRETS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String keep = m.group("token");
            m.appendReplacement(out, Matcher.quoteReplacement(keep != null ? keep + "…" : REDACTED));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** A value of an audit record or a JSON tree as plain Java objects, with every string in it redacted. */
    public static Object redactValue(Object value) {
        if (value instanceof String s) {
            return redact(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, redactValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(redactValue(v)));
            return out;
        }
        return value;
    }
}
