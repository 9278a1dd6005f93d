package dev.keyhole.gateway.ticket;

/**
 * One question to a ticket provider: may {@code requester} run {@code runbook} under {@code ticket}?
 *
 * @param ticket the ticket id as the caller gave it; already matched against the runbook's pattern
 * @param requester keyhole user name of the person running the runbook
 * @param requesterEmail their email address, or {@code null} when keyhole does not know it
 * @param runbook name of the runbook to run
 * @param correlationId id of this execution, for the ticket system's own logs
 */
public record TicketQuery(String ticket, String requester, String requesterEmail, String runbook,
        String correlationId) {}
