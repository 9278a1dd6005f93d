package dev.keyhole.drift.classify;

import java.time.Instant;
import java.util.List;

/**
 * Events of one kind by one principal doing one action on one resource, folded together.
 *
 * @param kind what it is
 * @param principal the caller: the session ARN for keyhole sessions, else the user or role ARN
 * @param sourceIdentity who stood behind the session, when CloudTrail says
 * @param action the IAM action
 * @param resource the table or index ARN ({@code *} when unknown)
 * @param region the region of the calls
 * @param count how many events
 * @param first the earliest event's time
 * @param last the latest event's time
 * @param eventIds up to five {@code eventID}s, to look the events up in CloudTrail
 * @param reason why, for people (from the first event)
 */
public record Finding(Kind kind, String principal, String sourceIdentity, String action, String resource, String region,
                      long count, Instant first, Instant last, List<String> eventIds, String reason) {

    public Finding {
        eventIds = List.copyOf(eventIds);
    }

    /** How much it matters. */
    public Severity severity() {
        return kind.severity();
    }
}
