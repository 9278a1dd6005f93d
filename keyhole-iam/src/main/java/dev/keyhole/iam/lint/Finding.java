package dev.keyhole.iam.lint;

import java.util.Objects;

/**
 * One thing the linter found in one policy.
 *
 * @param check which check found it (gives the id and severity)
 * @param pointer where, as a JSON pointer into the policy document; empty for the whole document
 * @param message what is wrong, for people: lowercase, one line, policy text in backticks
 * @param fix what would fix it
 */
public record Finding(Check check, String pointer, String message, String fix) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? check.fix() : fix;
    }

    /** A finding whose fix is the check's usual one. */
    public static Finding of(Check check, String pointer, String message) {
        return new Finding(check, pointer, message, null);
    }

    /** The check's severity. */
    public Severity severity() {
        return check.severity();
    }
}
