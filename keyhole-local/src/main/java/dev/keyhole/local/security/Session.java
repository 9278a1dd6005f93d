package dev.keyhole.local.security;

import dev.keyhole.iam.policy.Policy;
import java.time.Instant;
import java.util.Map;

/**
 * A role session minted by AssumeRole.
 *
 * @param accessKeyId the temporary access key ({@code ASIA...})
 * @param secret its secret
 * @param token the session token
 * @param roleArn the role assumed
 * @param sessionName the RoleSessionName
 * @param sessionPolicy the inline session policy, or {@code null}
 * @param sourceIdentity the SourceIdentity, or {@code null}
 * @param tags session tags
 * @param issued when it was minted
 * @param expires when it stops working
 */
public record Session(String accessKeyId, String secret, String token, String roleArn, String sessionName,
                      Policy sessionPolicy, String sourceIdentity, Map<String, String> tags, Instant issued,
                      Instant expires) {

    public Session {
        tags = Map.copyOf(tags);
    }
}
