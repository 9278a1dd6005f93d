package dev.keyhole.drift.classify;

import java.util.Set;

/**
 * What one event is.
 *
 * @param kind its classification (one of the first six kinds)
 * @param reason why, for people
 * @param callouts extra findings the event raises on its own ({@link Kind#SCAN}, {@link Kind#OTHER_REGION})
 */
public record Verdict(Kind kind, String reason, Set<Kind> callouts) {

    public Verdict {
        callouts = Set.copyOf(callouts);
    }
}
