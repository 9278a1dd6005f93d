package dev.keyhole.runbook.model;

import java.time.Duration;
import java.util.List;

/**
 * Who may run a runbook and on which conditions.
 *
 * @param runners principals allowed to run it: {@code user:NAME}, {@code group:NAME} or {@code service:ARN}
 * @param ticketRequired whether each run needs a ticket id
 * @param ticketPattern the regular expression a ticket id must match, or {@code null}
 * @param approvals how many distinct approvals a run needs (0 for none)
 * @param approvers groups whose members may approve
 * @param sessionTtl how long minted credentials live (900 s to 12 h, as STS allows)
 * @param credentials whether {@code keyhole credentials} may hand the narrowed credentials to people
 * @param ticketProvider which configured provider confirms tickets ({@code pattern}: the pattern alone, offline)
 * @param machineReasonPattern the regular expression a {@code service:} runner's job id or reason may match instead
 *     of a ticket (checked offline, never sent to the ticket provider), or {@code null}: services need a ticket too
 */
public record Access(
        List<String> runners,
        boolean ticketRequired,
        String ticketPattern,
        int approvals,
        List<String> approvers,
        Duration sessionTtl,
        boolean credentials,
        String ticketProvider,
        String machineReasonPattern) {

    /** The offline ticket check. */
    public static final String PATTERN_PROVIDER = "pattern";

    public Access {
        runners = List.copyOf(runners);
        approvers = List.copyOf(approvers);
        ticketProvider = ticketProvider == null ? PATTERN_PROVIDER : ticketProvider;
    }

    /** Services need a ticket like people. */
    public Access(List<String> runners, boolean ticketRequired, String ticketPattern, int approvals, List<String> approvers,
                  Duration sessionTtl, boolean credentials, String ticketProvider) {
        this(runners, ticketRequired, ticketPattern, approvals, approvers, sessionTtl, credentials, ticketProvider, null);
    }

    /** With tickets checked offline against the pattern only. */
    public Access(List<String> runners, boolean ticketRequired, String ticketPattern, int approvals, List<String> approvers,
                  Duration sessionTtl, boolean credentials) {
        this(runners, ticketRequired, ticketPattern, approvals, approvers, sessionTtl, credentials, PATTERN_PROVIDER);
    }
}
