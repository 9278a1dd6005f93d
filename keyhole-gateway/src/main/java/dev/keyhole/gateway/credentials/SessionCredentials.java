package dev.keyhole.gateway.credentials;

import java.time.Instant;

/**
 * Minted credentials, never logged.
 *
 * @param accessKeyId the temporary access key id (safe to log; CloudTrail records it)
 * @param secretAccessKey the secret
 * @param sessionToken the session token
 * @param expiration when STS says they expire
 * @param sessionName the RoleSessionName they were minted under
 * @param assumedRoleArn the session's ARN
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                                 String sessionName, String assumedRoleArn) {

    @Override
    public String toString() {
        return "SessionCredentials[" + accessKeyId + ", expires " + expiration + "]";
    }
}
