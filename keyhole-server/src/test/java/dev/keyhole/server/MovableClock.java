package dev.keyhole.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock, moved by an offset the test sets. Real time underneath, because the AWS SDK signs with the
 * wall clock and the local engine refuses signatures more than 15 minutes off: move it, check, move it back.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, this clock reads real time plus {@code by} (not cumulative; {@code ZERO} puts it back). */
    public void move(Duration by) {
        offset = by;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
