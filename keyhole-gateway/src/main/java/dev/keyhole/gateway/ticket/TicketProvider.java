package dev.keyhole.gateway.ticket;

/**
 * Confirms a ticket id with the system that owns it: the ticket exists, keyhole may see it and it is
 * still live. Implementations are thread-safe and hold no per-call state.
 *
 * <p>The runbook's pattern rule has already matched the id; a provider still never lets an id reach
 * another URL than the one it means to call.
 */
public interface TicketProvider {

    /**
     * Returns the verdict on {@code query.ticket()}. A rejection is a verdict, never an exception.
     *
     * @throws TicketCheckException only when the owning system could not answer (network, timeout, 5xx,
     *     refused credentials, unreadable body); callers must then refuse the run (fail closed)
     */
    TicketVerdict check(TicketQuery query);
}
