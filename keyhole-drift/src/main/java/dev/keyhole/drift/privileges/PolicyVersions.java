package dev.keyhole.drift.privileges;

import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * Writes a narrowed document as a managed policy's new default version, keeping the version it replaces
 * so {@link #rollback} can make it the default again.
 *
 * <p>IAM keeps at most five versions of a managed policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html); at the
 * limit the oldest version that is not the default is deleted first — never the default, which is the
 * one rolled back to.
 */
public final class PolicyVersions {

    /** IAM's limit on stored versions per managed policy. */
    public static final int MAX_VERSIONS = 5;

    private final IamClient iam;

    /** Works through {@code iam} (any endpoint). */
    public PolicyVersions(IamClient iam) {
        this.iam = iam;
    }

    /**
     * What {@link #apply} did.
     *
     * @param policyArn the policy
     * @param previousDefault the version that was the default and is kept
     * @param newVersion the version created, now the default
     * @param deleted the version deleted to stay within the limit, or {@code null}
     */
    public record Applied(String policyArn, String previousDefault, String newVersion, String deleted) {}

    /**
     * What {@link #rollback} did.
     *
     * @param policyArn the policy
     * @param from the default before
     * @param to the version made the default
     */
    public record RolledBack(String policyArn, String from, String to) {}

    /** Creates {@code document} as the new default version of {@code policyArn}. */
    public Applied apply(String policyArn, Policy document) {
        if (document.statements().isEmpty()) {
            throw new IllegalArgumentException("policy `" + policyArn
                    + "` would keep no statement: nothing it grants was used; detach it instead of narrowing it");
        }
        List<PolicyVersion> versions = versions(policyArn);
        String previous = versions.stream().filter(PolicyVersion::isDefaultVersion).map(PolicyVersion::versionId)
                .findFirst().orElse(null);
        String deleted = null;
        if (versions.size() >= MAX_VERSIONS) {
            PolicyVersion oldest = versions.stream().filter(v -> !v.isDefaultVersion())
                    .min(Comparator.comparing(PolicyVersion::createDate)).orElseThrow();
            iam.deletePolicyVersion(r -> r.policyArn(policyArn).versionId(oldest.versionId()));
            deleted = oldest.versionId();
        }
        PolicyVersion created = iam.createPolicyVersion(r -> r.policyArn(policyArn)
                .policyDocument(PolicyWriter.write(document)).setAsDefault(true)).policyVersion();
        return new Applied(policyArn, previous, created.versionId(), deleted);
    }

    /** Makes the version that was the default before the current one the default again. */
    public RolledBack rollback(String policyArn) {
        List<PolicyVersion> versions = versions(policyArn);
        PolicyVersion current = versions.stream().filter(PolicyVersion::isDefaultVersion).findFirst()
                .orElseThrow(() -> new IllegalStateException("policy `" + policyArn + "` has no default version"));
        Optional<PolicyVersion> before = versions.stream().filter(v -> !v.isDefaultVersion())
                .filter(v -> v.createDate().isBefore(current.createDate()))
                .max(Comparator.comparing(PolicyVersion::createDate));
        PolicyVersion to = before.orElseThrow(() -> new IllegalStateException("policy `" + policyArn
                + "` has no version older than the default `" + current.versionId() + "` to restore"));
        iam.setDefaultPolicyVersion(r -> r.policyArn(policyArn).versionId(to.versionId()));
        return new RolledBack(policyArn, current.versionId(), to.versionId());
    }

    private List<PolicyVersion> versions(String policyArn) {
        return iam.listPolicyVersionsPaginator(r -> r.policyArn(policyArn)).versions().stream().toList();
    }
}
