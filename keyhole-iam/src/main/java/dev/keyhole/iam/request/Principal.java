package dev.keyhole.iam.request;

import java.util.Map;
import java.util.Objects;

/**
 * Who makes a request.
 *
 * @param type the kind of principal
 * @param arn the caller's ARN: the user ARN, the {@code sts::...:assumed-role/ROLE/SESSION} ARN, the
 *     service name for a service, or {@code *} for anonymous
 * @param id the unique id ({@code aws:userid}), e.g. {@code AROAEXAMPLE:session}; may be {@code null}
 * @param account the 12-digit account id; may be {@code null} for anonymous and services
 * @param tags principal tags ({@code aws:PrincipalTag/*}); keys are matched case-insensitively
 */
public record Principal(PrincipalType type, String arn, String id, String account, Map<String, String> tags) {

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
    }

    /**
     * The ARN of the role behind an assumed-role session
     * ({@code arn:aws:sts::A:assumed-role/R/S} → {@code arn:aws:iam::A:role/R}), or {@code null}.
     * IAM reports this ARN as {@code aws:PrincipalArn} for role sessions.
     */
    public String roleArn() {
        if (type != PrincipalType.ASSUMED_ROLE) {
            return type == PrincipalType.ROLE ? arn : null;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[5].startsWith("assumed-role/")) {
            return null;
        }
        String rest = parts[5].substring("assumed-role/".length());
        int slash = rest.lastIndexOf('/');
        String roleName = slash < 0 ? rest : rest.substring(0, slash);
        return parts[0] + ":" + parts[1] + ":iam::" + parts[4] + ":role/" + roleName;
    }

    /** The friendly name IAM reports as {@code aws:username}: only IAM users have one. */
    public String userName() {
        if (type != PrincipalType.USER) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? null : arn.substring(slash + 1);
    }

    /** The root ARN of the principal's account, or {@code null}. */
    public String accountRootArn() {
        if (account == null) {
            return null;
        }
        String partition = arn.startsWith("arn:") ? arn.split(":", 3)[1] : "aws";
        return "arn:" + partition + ":iam::" + account + ":root";
    }
}
