package dev.keyhole.gateway.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.runbook.bind.Patterns;
import dev.keyhole.runbook.model.Access;
import dev.keyhole.runbook.model.Runbook;

/** The offline part of a runbook's ticket rule, and the refusal for callers it does not name. */
public final class AccessCheck {

    private AccessCheck() {}

    /** Throws a {@link Refusal} when {@code ticket} is missing but required, or does not match the runbook's pattern. */
    public static void ticket(Runbook rb, String ticket) {
        Access a = rb.access();
        if (a.ticketRequired() && (ticket == null || ticket.isBlank())) {
            throw new Refusal(Refusal.Kind.TICKET_MISSING, "runbook `" + rb.name() + "` needs a ticket: pass "
                    + "`--ticket ID`" + (a.ticketPattern() == null ? "" : " matching `" + a.ticketPattern() + "`"));
        }
        if (ticket != null && a.ticketPattern() != null && !Patterns.of(a.ticketPattern()).matcher(ticket).matches()) {
            throw new Refusal(Refusal.Kind.TICKET_INVALID, "ticket `" + ticket + "` does not match `"
                    + a.ticketPattern() + "` required by runbook `" + rb.name() + "`");
        }
    }

    /** The refusal for a caller {@code rb} does not name. */
    public static Refusal notAllowed(Runbook rb, Caller caller) {
        return new Refusal(Refusal.Kind.NOT_ALLOWED, "`" + caller.name() + "` may not run runbook `" + rb.name()
                + "`; its runners are " + String.join(", ", rb.access().runners())
                + " (or ask for an exception: `keyhole grants request " + rb.name() + " --exception --ticket ID --reason TEXT`)");
    }
}
