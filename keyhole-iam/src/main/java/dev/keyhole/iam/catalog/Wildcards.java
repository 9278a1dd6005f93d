package dev.keyhole.iam.catalog;

/**
 * IAM's {@code *} (any run, empty included) and {@code ?} (exactly one character) matching, as the
 * {@code Action} element and {@code StringLike} use it.
 */
public final class Wildcards {

    private Wildcards() {}

    /** Whether {@code text} matches {@code pattern}; {@code ignoreCase} for action names. */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
        String t = ignoreCase ? text.toLowerCase(java.util.Locale.ROOT) : text;
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /**
     * Whether every text {@code narrow} matches is also matched by {@code wide} (both patterns). Sound but
     * not complete: a wildcard in {@code narrow} is covered only by the same or a wider wildcard in {@code wide}.
     */
    public static boolean covers(String wide, String narrow, boolean ignoreCase) {
        String p = ignoreCase ? wide.toLowerCase(java.util.Locale.ROOT) : wide;
        String q = ignoreCase ? narrow.toLowerCase(java.util.Locale.ROOT) : narrow;
        Boolean[][] memo = new Boolean[p.length() + 1][q.length() + 1];
        return covers(p, 0, q, 0, memo);
    }

    private static boolean covers(String p, int i, String q, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean r;
        if (i == p.length()) {
            r = j == q.length();
        } else if (p.charAt(i) == '*') {
            r = covers(p, i + 1, q, j, memo) || (j < q.length() && covers(p, i, q, j + 1, memo));
        } else if (j == q.length() || q.charAt(j) == '*') {
            r = false;
        } else if (p.charAt(i) == '?') {
            r = covers(p, i + 1, q, j + 1, memo);
        } else {
            r = q.charAt(j) != '?' && p.charAt(i) == q.charAt(j) && covers(p, i + 1, q, j + 1, memo);
        }
        memo[i][j] = r;
        return r;
    }

    /** Whether the text holds a wildcard character. */
    public static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }
}
