package dev.keyhole.cli.grants;

import dev.keyhole.gateway.grants.Grant;

/** How a grant reads in one line. */
final class GrantLines {

    private GrantLines() {}

    static String describe(Grant g, Grant.State now) {
        StringBuilder sb = new StringBuilder();
        sb.append(g.id()).append("  ").append(g.kind().word()).append("  ").append(now.word())
                .append("  ").append(g.requester()).append(" → ").append(g.runbook())
                .append("  ticket ").append(g.ticket() == null ? "-" : g.ticket())
                .append("  approvals ").append(g.approvals().size()).append('/').append(g.required());
        if (!g.approvals().isEmpty()) {
            sb.append(" (").append(g.approvers()).append(')');
        }
        if (g.expires() != null) {
            sb.append(now == Grant.State.ACTIVE ? "  until " : "  ended ")
                    .append(g.expires().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        if (g.selfService()) {
            sb.append("  SELF-SERVICE: review");
        }
        if (g.endReason() != null) {
            sb.append("  (").append(g.endedBy()).append(": ").append(g.endReason()).append(')');
        }
        sb.append("  — ").append(g.reason());
        return sb.toString();
    }
}
