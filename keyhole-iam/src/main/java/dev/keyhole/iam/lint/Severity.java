package dev.keyhole.iam.lint;

import java.util.Locale;

/** How much a finding matters, most severe first. */
public enum Severity {
    /** The policy is invalid or IAM would reject or misread it. */
    ERROR,
    /** The policy is valid but grants more than it seems to. */
    SECURITY,
    /** Probably a mistake, or a grant that never works as written. */
    WARNING,
    /** Tidier or smaller, same access. */
    SUGGESTION;

    /** The lower-case name used in output and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Reads {@code error}, {@code security}, {@code warning} or {@code suggestion}. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity `" + text + "`; use error, security, warning or suggestion");
    }
}
