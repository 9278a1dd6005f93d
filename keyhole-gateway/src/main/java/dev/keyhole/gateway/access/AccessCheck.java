package dev.keyhole.gateway.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.runbook.model.Access;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.bind.Patterns;

/** Default deny: a caller runs a runbook only when its {@code access.runners} names the caller or a group of theirs. */
public final class AccessCheck {

    private AccessCheck() {}

    /** Throws a {@link Refusal} when {@code caller} may not run {@code rb} with {@code ticket}. */
    public static void check(Runbook rb, Caller caller, String ticket) {
        Access a = rb.access();
        boolean named = a.runners().contains(caller.asRunner())
                || caller.groups().stream().anyMatch(g -> a.runners().contains("group:" + g));
        if (!named) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, "`" + caller.name() + "` may not run runbook `" + rb.name()
                    + "`; its runners are " + String.join(", ", a.runners()));
        }
        if (a.ticketRequired() && (ticket == null || ticket.isBlank())) {
            throw new Refusal(Refusal.Kind.TICKET_MISSING, "runbook `" + rb.name() + "` needs a ticket: pass "
                    + "`--ticket ID`" + (a.ticketPattern() == null ? "" : " matching `" + a.ticketPattern() + "`"));
        }
        if (ticket != null && a.ticketPattern() != null && !Patterns.of(a.ticketPattern()).matcher(ticket).matches()) {
            throw new Refusal(Refusal.Kind.TICKET_INVALID, "ticket `" + ticket + "` does not match `"
                    + a.ticketPattern() + "` required by runbook `" + rb.name() + "`");
        }
        if (a.approvals() > 0) {
            throw new Refusal(Refusal.Kind.APPROVAL_REQUIRED, "runbook `" + rb.name() + "` needs " + a.approvals()
                    + " approval(s) from " + String.join(", ", a.approvers()) + " before it can run");
        }
    }
}
