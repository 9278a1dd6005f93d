package dev.keyhole.gateway.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation ids: one per execution, time-ordered UUIDv7 (RFC 9562 section 5.7) when keyhole makes one,
 * or the caller's own when it is safe to use as an STS session name, a log field and an HTTP header.
 */
public final class CorrelationIds {

    /** What a caller-supplied id may look like: STS RoleSessionName's characters, 2 to 64 of them. */
    private static final Pattern ACCEPTED = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CorrelationIds(Clock clock) {
        this.clock = clock;
    }

    /** A new UUIDv7: 48 bits of Unix milliseconds, version 7, 74 random bits. */
    public String next() {
        long ms = clock.millis();
        long randA = random.nextInt(1 << 12);
        long msb = (ms << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** {@code given} when it is usable, a new id when it is null. */
    public String acceptOrNext(String given) {
        if (given == null || given.isEmpty()) {
            return next();
        }
        if (!ACCEPTED.matcher(given).matches()) {
            throw new IllegalArgumentException("correlation id `" + given + "` must be 2 to 64 letters, digits or "
                    + "any of `_+=,.@-` (it becomes the STS session name)");
        }
        return given;
    }
}
