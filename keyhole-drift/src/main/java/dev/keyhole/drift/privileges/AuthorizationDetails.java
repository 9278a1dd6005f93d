package dev.keyhole.drift.privileges;

import dev.keyhole.iam.policy.Policy;
import java.util.List;
import java.util.Map;

/**
 * The account's IAM configuration, as GetAccountAuthorizationDetails returns it
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html), with
 * policy documents already decoded.
 *
 * @param principals users and roles
 * @param groups group name to the group
 * @param managed managed policy ARN to the policy (its default version)
 * @param incomplete whether the last page said more pages follow
 */
public record AuthorizationDetails(List<Principal> principals, Map<String, Group> groups, Map<String, ManagedPolicy> managed,
                                   boolean incomplete) {

    public AuthorizationDetails {
        principals = List.copyOf(principals);
        groups = Map.copyOf(groups);
        managed = Map.copyOf(managed);
    }

    /**
     * A user or a role.
     *
     * @param kind {@code user} or {@code role}
     * @param name the user or role name
     * @param arn its ARN
     * @param inline its inline policies
     * @param attached the managed policy ARNs attached to it
     * @param groups for a user, the groups it is in
     * @param boundaryArn the permissions boundary's ARN, or {@code null}
     */
    public record Principal(String kind, String name, String arn, List<NamedPolicy> inline, List<String> attached,
                            List<String> groups, String boundaryArn) {
        public Principal {
            inline = List.copyOf(inline);
            attached = List.copyOf(attached);
            groups = List.copyOf(groups);
        }
    }

    /** A group's own policies. */
    public record Group(String name, List<NamedPolicy> inline, List<String> attached) {
        public Group {
            inline = List.copyOf(inline);
            attached = List.copyOf(attached);
        }
    }

    /** An inline policy with its name. */
    public record NamedPolicy(String name, Policy policy) {}

    /**
     * A managed policy.
     *
     * @param arn its ARN ({@code arn:aws:iam::aws:policy/...} for AWS managed ones)
     * @param name its name
     * @param defaultVersionId e.g. {@code v3}
     * @param document the default version's document
     */
    public record ManagedPolicy(String arn, String name, String defaultVersionId, Policy document) {

        /** Whether the account can change it (AWS managed policies cannot be). */
        public boolean customerManaged() {
            return !arn.contains(":iam::aws:policy/");
        }
    }
}
