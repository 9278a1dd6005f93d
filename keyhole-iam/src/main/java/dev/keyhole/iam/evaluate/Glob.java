package dev.keyhole.iam.evaluate;

/**
 * A wildcard pattern where {@code *} matches any run of characters (including {@code /} and
 * {@code :}) and {@code ?} exactly one; every other character, and any {@code *} or {@code ?} that
 * came from a policy variable or an escape such as {@code ${*}}, matches itself.
 */
final class Glob {

    private final char[] chars;
    // INVARIANT: wild[i] is true only where chars[i] is '*' or '?' written as a wildcard.
    private final boolean[] wild;
    private final boolean literal;
    private final String text;

    Glob(char[] chars, boolean[] wild) {
        this.chars = chars;
        this.text = new String(chars);
        this.wild = wild;
        boolean anyWild = false;
        for (boolean w : wild) {
            anyWild |= w;
        }
        this.literal = !anyWild;
    }

    /** A pattern where {@code *} and {@code ?} are wildcards everywhere. */
    static Glob of(String pattern) {
        char[] c = pattern.toCharArray();
        boolean[] w = new boolean[c.length];
        for (int i = 0; i < c.length; i++) {
            w[i] = c[i] == '*' || c[i] == '?';
        }
        return new Glob(c, w);
    }

    /** Whether the pattern has no wildcard, so it matches only its own text. */
    boolean isLiteral() {
        return literal;
    }

    /** Whether the pattern is exactly one {@code *}. */
    boolean isStar() {
        return chars.length == 1 && wild[0] && chars[0] == '*';
    }

    /** The pattern's text, wildcards and literals alike. */
    String text() {
        return text;
    }

    boolean matches(String s) {
        return matches(s, 0, s.length());
    }

    /** Matches {@code s[from, to)}: linear-time two-pointer match with backtracking to the last star. */
    boolean matches(String s, int from, int to) {
        if (literal) {
            return to - from == chars.length && s.regionMatches(from, text, 0, chars.length);
        }
        int p = 0;
        int i = from;
        int starP = -1;
        int starI = -1;
        while (i < to) {
            if (p < chars.length && wild[p] && chars[p] == '*') {
                starP = p++;
                starI = i;
            } else if (p < chars.length && ((wild[p] && chars[p] == '?') || chars[p] == s.charAt(i))) {
                p++;
                i++;
            } else if (starP >= 0) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < chars.length && wild[p] && chars[p] == '*') {
            p++;
        }
        return p == chars.length;
    }

    /** Splits at the first {@code limit - 1} colons, as an ARN is split into its components. */
    Glob[] splitArn() {
        Glob[] parts = new Glob[6];
        int n = 0;
        int start = 0;
        for (int i = 0; i < chars.length && n < 5; i++) {
            if (chars[i] == ':' && !wild[i]) {
                parts[n++] = slice(start, i);
                start = i + 1;
            }
        }
        if (n < 5) {
            return null;
        }
        parts[5] = slice(start, chars.length);
        return parts;
    }

    private Glob slice(int from, int to) {
        char[] c = java.util.Arrays.copyOfRange(chars, from, to);
        boolean[] w = java.util.Arrays.copyOfRange(wild, from, to);
        return new Glob(c, w);
    }

    /** Lower-cases the pattern (for case-insensitive matching of actions and IgnoreCase operators). */
    Glob lowerCase() {
        char[] c = text.toLowerCase(java.util.Locale.ROOT).toCharArray();
        return c.length == chars.length ? new Glob(c, wild.clone()) : Glob.of(new String(c));
    }
}
