package dev.keyhole.runbook.bind;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Compiled runbook patterns (parameter and ticket rules), compiled once rather than on every run. */
public final class Patterns {

    private static final int MAX = 10_000;
    private static final ConcurrentHashMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Patterns() {}

    /** The compiled form of {@code regex} (already validated when the runbook loaded). */
    public static Pattern of(String regex) {
        Pattern p = COMPILED.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (COMPILED.size() < MAX) {
                COMPILED.put(regex, p);
            }
        }
        return p;
    }
}
