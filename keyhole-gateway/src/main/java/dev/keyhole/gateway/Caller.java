package dev.keyhole.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated person or service asking to run something.
 *
 * @param name the user name (or service principal ARN for machines); the audit log's principal
 * @param groups the groups the caller belongs to
 */
public record Caller(String name, Set<String> groups) {

    public Caller {
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(groups);
    }

    /** How a runbook's {@code access.runners} names this caller: {@code user:NAME}. */
    public String asRunner() {
        return "user:" + name;
    }

    /**
     * The STS {@code SourceIdentity} this caller's runs carry: the name itself when STS allows it (2 to 64 of
     * {@code [A-Za-z0-9_+=,.@-]}, as people's names are), else the name with every other character replaced by
     * {@code .} — {@code arn:aws:iam::111122223333:role/billing-worker} becomes
     * {@code arn.aws.iam..111122223333.role.billing-worker} — cut at 51 characters plus a hash of the name when longer.
     */
    public String sourceIdentity() {
        if (stsSafe(name)) {
            return name;
        }
        // Character by character (UTF-16 units), so a name of one emoji still becomes two legal characters.
        char[] chars = (name + "..").substring(0, Math.max(2, name.length())).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (!stsSafe(chars[i])) {
                chars[i] = '.';
            }
        }
        String safe = new String(chars);
        if (safe.length() <= 64) {
            return safe;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return safe.substring(0, 51) + "." + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether STS takes {@code s} as it is: 2 to 64 of {@code [A-Za-z0-9_+=,.@-]} (every record of every run asks). */
    private static boolean stsSafe(String s) {
        if (s.length() < 2 || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!stsSafe(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean stsSafe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_+=,.@-".indexOf(c) >= 0;
    }
}
