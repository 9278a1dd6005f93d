package dev.keyhole.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that stands still until a test moves it, so expiry boundaries can be hit exactly. */
public final class ManualClock extends Clock {

    private volatile Instant now;

    public ManualClock(Instant start) {
        now = start;
    }

    /** Starts at the real time, to the second: SigV4 signing times then stay within the engine's 15-minute window. */
    public static ManualClock startingNow() {
        return new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Moves the clock by {@code d} (backwards when negative). */
    public void move(Duration d) {
        now = now.plus(d);
    }

    /** Sets the clock to {@code at}. */
    public void set(Instant at) {
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
