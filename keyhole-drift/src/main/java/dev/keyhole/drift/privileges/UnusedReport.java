package dev.keyhole.drift.privileges;

import dev.keyhole.iam.policy.Policy;
import java.util.List;
import java.util.Set;

/**
 * What policies allow in DynamoDB against what was used, and the narrowed policies.
 *
 * @param principals one entry per user or role whose policies allow some DynamoDB action
 * @param proposals one entry per policy that grants DynamoDB actions beyond what was used
 * @param incomplete whether the IAM input said more pages follow
 */
public record UnusedReport(List<PrincipalUsage> principals, List<Proposal> proposals, boolean incomplete) {

    public UnusedReport {
        principals = List.copyOf(principals);
        proposals = List.copyOf(proposals);
    }

    /**
     * One principal.
     *
     * @param arn the user or role ARN
     * @param granted DynamoDB actions its policies allow somewhere
     * @param used actions CloudTrail shows it used successfully
     * @param unused granted actions it never used
     * @param resources the table and index ARNs (or patterns) its grants name
     * @param usedResources the resources it used
     */
    public record PrincipalUsage(String arn, Set<String> granted, Set<String> used, Set<String> unused,
                                 Set<String> resources, Set<String> usedResources) {
        public PrincipalUsage {
            granted = Set.copyOf(granted);
            used = Set.copyOf(used);
            unused = Set.copyOf(unused);
            resources = Set.copyOf(resources);
            usedResources = Set.copyOf(usedResources);
        }
    }

    /**
     * A narrowed policy.
     *
     * @param policy the managed policy ARN, or {@code OWNER_ARN#inline/NAME} for an inline policy
     * @param customerManaged whether {@code keyhole privileges prune --apply} can write it as a new version
     * @param attachedTo the principals whose usage it was narrowed to
     * @param original the current document
     * @param narrowed the proposed document; no statements when nothing it grants was used (detach it)
     */
    public record Proposal(String policy, boolean customerManaged, List<String> attachedTo, Policy original, Policy narrowed) {
        public Proposal {
            attachedTo = List.copyOf(attachedTo);
        }

        /** Whether nothing the policy grants was used: the fix is to detach it, not a new version. */
        public boolean nothingUsed() {
            return narrowed.statements().isEmpty();
        }
    }
}
