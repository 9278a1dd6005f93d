package dev.keyhole.gateway.ticket;

/**
 * A provider's answer about one ticket.
 *
 * @param accepted whether the run may go ahead under this ticket
 * @param reason one line for people, e.g. {@code `INC-7` is Done; ...} or
 *     {@code `INC-7` is In Progress, assigned to Alice}
 * @param title the ticket's title or summary, or {@code null} when unknown
 */
public record TicketVerdict(boolean accepted, String reason, String title) {

    /** The run may go ahead. */
    public static TicketVerdict accept(String reason, String title) {
        return new TicketVerdict(true, reason, title);
    }

    /** The run must not go ahead; {@code reason} says why and, where it can, how to fix it. */
    public static TicketVerdict reject(String reason, String title) {
        return new TicketVerdict(false, reason, title);
    }
}
