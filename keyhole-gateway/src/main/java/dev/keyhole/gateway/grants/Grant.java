package dev.keyhole.gateway.grants;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request for access: an approval a runbook demands of its runners, or an exception that lets someone
 * run what they otherwise could not.
 *
 * @param id short random id, e.g. {@code g-7KQ2M9}
 * @param kind approval or exception
 * @param requester who asked, and who may use it
 * @param runbook which runbook it is for
 * @param ticket the ticket it is for; runs under it must carry the same ticket
 * @param reason why, in the requester's words
 * @param requested when it was asked for
 * @param duration how long it lasts once active
 * @param required how many distinct approvals it needs (0 for self-service)
 * @param approverGroups whose members may approve
 * @param approvals who approved, in order
 * @param state as stored; see {@link #stateAt(Instant)} for the state at a moment
 * @param selfService activated without approval where configured; flagged for review afterwards
 * @param activeSince when it became active, or {@code null}
 * @param expires when it stops (once active), or {@code null}
 * @param ended when it was denied, revoked or marked expired, or {@code null}
 * @param endedBy who denied or revoked it, or {@code null}
 * @param endReason why it was denied or revoked, or {@code null}
 */
public record Grant(String id, Kind kind, String requester, String runbook, String ticket, String reason,
                    Instant requested, Duration duration, int required, Set<String> approverGroups,
                    List<Approval> approvals, State state, boolean selfService, Instant activeSince, Instant expires,
                    Instant ended, String endedBy, String endReason) {

    /** What a grant is for. */
    public enum Kind {
        APPROVAL, EXCEPTION;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a grant is in its life. */
    public enum State {
        PENDING, ACTIVE, DENIED, REVOKED, EXPIRED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One approval. */
    public record Approval(String approver, Instant time) {}

    public Grant {
        approverGroups = Set.copyOf(approverGroups);
        approvals = List.copyOf(approvals);
    }

    /**
     * The state at {@code now}: an active grant past its expiry is expired, and so is a pending one older
     * than {@code pendingTtl}, even before anything marked it so. This is what decisions use.
     */
    public State stateAt(Instant now, Duration pendingTtl) {
        if (state == State.ACTIVE && expires != null && !now.isBefore(expires)) {
            return State.EXPIRED;
        }
        if (state == State.PENDING && !now.isBefore(requested.plus(pendingTtl))) {
            return State.EXPIRED;
        }
        return state;
    }

    /** Who approved, comma-separated, for reasons shown to people. */
    public String approvers() {
        return approvals.isEmpty() ? (selfService ? "self-service" : "nobody")
                : String.join(", ", approvals.stream().map(Approval::approver).toList());
    }
}
