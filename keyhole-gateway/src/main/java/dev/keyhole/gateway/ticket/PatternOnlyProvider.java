package dev.keyhole.gateway.ticket;

/**
 * Accepts every ticket without asking anyone: the runbook's pattern rule, checked before any
 * provider, is the whole check. Always registered as {@code pattern}.
 */
public final class PatternOnlyProvider implements TicketProvider {

    /** The reason every verdict of this provider carries. */
    public static final String REASON = "checked offline against the runbook's pattern";

    @Override
    public TicketVerdict check(TicketQuery query) {
        return TicketVerdict.accept(REASON, null);
    }
}
