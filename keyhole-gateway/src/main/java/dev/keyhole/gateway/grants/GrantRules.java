package dev.keyhole.gateway.grants;

import java.time.Duration;
import java.util.Set;

/**
 * How grants work in one installation ({@code keyhole.yaml}'s {@code grants:} section).
 *
 * @param approvalWindow how long an approved request may be used
 * @param pendingTtl how long a request waits for approvals before it lapses
 * @param exceptionMax the longest exception anyone may ask for
 * @param exceptionApprovals distinct approvals an exception needs
 * @param exceptionApprovers groups whose members may approve exceptions
 * @param selfService whether exceptions activate at once without approval (then flagged for review)
 */
public record GrantRules(Duration approvalWindow, Duration pendingTtl, Duration exceptionMax, int exceptionApprovals,
                         Set<String> exceptionApprovers, boolean selfService) {

    public GrantRules {
        exceptionApprovers = Set.copyOf(exceptionApprovers);
        if (exceptionApprovals < 1 && !selfService) {
            throw new IllegalArgumentException("exceptions need at least one approval unless self-service is on");
        }
    }

    /** One hour to use an approval, a day to collect it, exceptions up to four hours approved by one `security` member. */
    public static GrantRules defaults() {
        return new GrantRules(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(4), 1, Set.of("security"), false);
    }
}
