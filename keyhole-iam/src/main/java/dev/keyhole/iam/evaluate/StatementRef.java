package dev.keyhole.iam.evaluate;

/**
 * Names one statement of one policy in a decision, e.g. {@code identity[0]/AllowQuery} or
 * {@code sessionPolicy/#1} when the statement has no {@code Sid}.
 *
 * @param type the policy's role in the decision
 * @param policy the policy's label: {@code identity[N]}, {@code permissionsBoundary}, ... or a given name
 * @param index the statement's 0-based position in its policy
 * @param sid the statement's {@code Sid}, or {@code null}
 */
public record StatementRef(PolicyType type, String policy, int index, String sid) {

    @Override
    public String toString() {
        return policy + "/" + (sid == null || sid.isEmpty() ? "#" + index : sid);
    }
}
