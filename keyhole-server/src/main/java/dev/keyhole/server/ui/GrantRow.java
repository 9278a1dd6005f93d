package dev.keyhole.server.ui;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.Grants;
import java.time.Duration;
import java.time.Instant;

/**
 * A grant as a row of the approvals inbox or the exceptions list: its state now and time left, and what the
 * signed-in person may do with it.
 *
 * @param grant the grant
 * @param state its state now ({@code pending}, {@code active}, {@code expired}...)
 * @param secondsLeft seconds until an active grant ends (0 once it has), or -1 when it is not active
 * @param mayApprove whether the signed-in person may approve or deny it (an approver who did not ask for it)
 * @param mayRevoke whether the signed-in person may end it now (its requester, or an approver)
 */
record GrantRow(Grant grant, String state, long secondsLeft, boolean mayApprove, boolean mayRevoke) {

    static GrantRow of(Grant g, Grants grants, Caller me, Instant now) {
        Grant.State state = grants.stateNow(g);
        boolean approver = me.groups().stream().anyMatch(g.approverGroups()::contains);
        boolean open = state == Grant.State.PENDING || state == Grant.State.ACTIVE;
        long left = state == Grant.State.ACTIVE && g.expires() != null
                ? Math.max(0, Duration.between(now, g.expires()).toSeconds()) : -1;
        boolean mayApprove = state == Grant.State.PENDING && approver && !g.requester().equals(me.name())
                && g.approvals().stream().noneMatch(a -> a.approver().equals(me.name()));
        return new GrantRow(g, state.word(), left, mayApprove, open && (approver || g.requester().equals(me.name())));
    }

    /** Time left for people, e.g. {@code 29m 59s}. */
    String timeLeft() {
        return TimeText.of(secondsLeft);
    }
}
