package dev.keyhole.gateway.execute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that starts at the real time (so SigV4 signing times stay within the engine's 15-minute window)
 * and then only moves when a test moves it, so expiry boundaries can be hit to the second.
 */
final class SteppedClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** Moves the clock by {@code d} (backwards when negative). */
    void move(Duration d) {
        now = now.plus(d);
    }

    /** Sets the clock to {@code at}. */
    void set(Instant at) {
        now = at;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
