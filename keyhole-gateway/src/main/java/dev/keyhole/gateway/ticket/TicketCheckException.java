package dev.keyhole.gateway.ticket;

/**
 * A ticket system could not answer (unreachable, too slow, 5xx, refused keyhole's credentials, or sent
 * something unreadable). Not a rejection: the ticket may be fine, but the run must still be refused.
 * Messages never carry a credential.
 */
public final class TicketCheckException extends RuntimeException {

    public TicketCheckException(String message) {
        super(message);
    }

    public TicketCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
