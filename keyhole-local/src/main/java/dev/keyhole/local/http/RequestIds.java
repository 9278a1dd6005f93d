package dev.keyhole.local.http;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids shaped like DynamoDB's (upper-case, 52 characters): a random per-process prefix and a
 * counter, so a busy engine does not read the system's random source on every request.
 */
final class RequestIds {

    private final String prefix;
    private final AtomicLong next = new AtomicLong();

    RequestIds() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        prefix = HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    }

    String next() {
        String n = Long.toString(next.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
        return prefix + "0".repeat(Math.max(0, 16 - n.length())) + n;
    }
}
