package dev.keyhole.server.ui;

import dev.keyhole.drift.classify.Finding;

/**
 * One finding of the latest drift scan as the drift page lists it.
 *
 * @param severity {@code critical} ... {@code info}
 * @param kind the classification's stable id, e.g. {@code keyhole-session-unaudited}
 * @param principal who made the calls, with the person behind a role session when CloudTrail says
 * @param action the IAM action
 * @param resource the table or index ARN
 * @param count how many calls
 * @param last the latest call's time
 * @param why why it is a finding, for people
 */
record DriftFinding(String severity, String kind, String principal, String action, String resource, long count, String last,
                    String why) {

    static DriftFinding of(Finding f) {
        String who = f.sourceIdentity() == null ? f.principal() : f.principal() + " (" + f.sourceIdentity() + ")";
        return new DriftFinding(f.severity().word(), f.kind().id(), who, f.action(), f.resource(), f.count(),
                String.valueOf(f.last()), f.kind().title() + ": " + f.reason());
    }
}
