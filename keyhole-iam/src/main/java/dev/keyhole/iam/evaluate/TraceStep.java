package dev.keyhole.iam.evaluate;

/**
 * One line of a decision's trace: what one policy contributed.
 *
 * @param type the policy's role
 * @param policy the policy's label
 * @param statement the statement that matched, or {@code null} when none did
 * @param verdict {@code deny} (a Deny matched), {@code allow} (an Allow matched), or {@code none}
 */
public record TraceStep(PolicyType type, String policy, StatementRef statement, String verdict) {

    @Override
    public String toString() {
        return switch (verdict) {
            case "deny" -> statement + " denies explicitly";
            case "allow" -> statement + " allows";
            default -> policy + " has no matching statement";
        };
    }
}
