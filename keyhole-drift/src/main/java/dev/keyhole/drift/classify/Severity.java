package dev.keyhole.drift.classify;

import java.util.Locale;

/** How much a finding matters, lowest first. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lowercase word used in output and flags. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a word back ({@code info}, {@code low}, {@code medium}, {@code high}, {@code critical}). */
    public static Severity parse(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity `" + word + "` is not one of info, low, medium, high, critical");
        }
    }
}
