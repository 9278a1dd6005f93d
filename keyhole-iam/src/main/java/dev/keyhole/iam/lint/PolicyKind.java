package dev.keyhole.iam.lint;

import java.util.Locale;

/**
 * Where a policy is used, which decides the elements it needs and its size quota (characters without
 * white space, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
public enum PolicyKind {
    /** A customer managed policy: 6,144 characters. */
    MANAGED("managed", 6_144, false),
    /** A role's inline policies together: 10,240 characters. */
    ROLE_INLINE("role-inline", 10_240, false),
    /** A user's inline policies together: 2,048 characters. */
    USER_INLINE("user-inline", 2_048, false),
    /** A group's inline policies together: 5,120 characters. */
    GROUP_INLINE("group-inline", 5_120, false),
    /** A session policy passed to AssumeRole: 2,048 characters of plain text. */
    SESSION("session", 2_048, false),
    /** A role trust policy: 2,048 characters by default. */
    TRUST("trust", 2_048, true),
    /** Another resource-based policy; no size check. */
    RESOURCE("resource", 0, true);

    private final String label;
    private final int maxChars;
    private final boolean resourceBased;

    PolicyKind(String label, int maxChars, boolean resourceBased) {
        this.label = label;
        this.maxChars = maxChars;
        this.resourceBased = resourceBased;
    }

    /** The name used on the command line. */
    public String label() {
        return label;
    }

    /** The size quota in non-white-space characters; 0 when not checked. */
    public int maxChars() {
        return maxChars;
    }

    /** Whether statements name a {@code Principal} and may omit {@code Resource}. */
    public boolean resourceBased() {
        return resourceBased;
    }

    /** Reads a label such as {@code role-inline}. */
    public static PolicyKind parse(String text) {
        for (PolicyKind k : values()) {
            if (k.label.equals(text.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown policy kind `" + text
                + "`; use managed, role-inline, user-inline, group-inline, session, trust or resource");
    }
}
