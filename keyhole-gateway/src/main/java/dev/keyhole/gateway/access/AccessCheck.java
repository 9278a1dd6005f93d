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

    /**
     * As {@link #ticket(Runbook, String)}, except that a service may give a job id or reason matching the runbook's
     * {@code access.ticket.machineReason} instead of a ticket.
     */
    public static void ticket(Runbook rb, Caller caller, String ticket) {
        String machine = rb.access().machineReasonPattern();
        if (machine == null || !isService(caller)) {
            ticket(rb, ticket);
            return;
        }
        if (isMachineReason(rb, caller, ticket)) {
            return;
        }
        try {
            ticket(rb, ticket);
        } catch (Refusal r) {
            throw new Refusal(r.kind(), r.getMessage() + "; or, as a service, a job id or reason matching `" + machine + "`");
        }
    }

    /** Whether {@code ticket} is a service's job id or reason that {@code rb} takes instead of a ticket. */
    public static boolean isMachineReason(Runbook rb, Caller caller, String ticket) {
        String machine = rb.access().machineReasonPattern();
        return machine != null && ticket != null && isService(caller) && Patterns.of(machine).matcher(ticket).matches();
    }

    private static boolean isService(Caller caller) {
        return Bindings.runner(caller).startsWith("service:");
    }

    /** The refusal for a caller {@code rb} does not name. */
    public static Refusal notAllowed(Runbook rb, Caller caller) {
        return new Refusal(Refusal.Kind.NOT_ALLOWED, "`" + caller.name() + "` may not run runbook `" + rb.name()
                + "`; its runners are " + String.join(", ", rb.access().runners())
                + " (or ask for an exception: `keyhole grants request " + rb.name() + " --exception --ticket ID --reason TEXT`)");
    }
}
