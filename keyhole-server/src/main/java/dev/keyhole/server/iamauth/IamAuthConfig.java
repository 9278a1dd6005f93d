package dev.keyhole.server.iamauth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How keyhole accepts AWS IAM sign-ins.
 *
 * @param stsEndpoints the STS endpoints sign-in requests may go to, e.g. {@code https://sts.us-east-1.amazonaws.com};
 *     keyhole sends a sign-in request nowhere else
 * @param audience this keyhole's server id: a sign-in must carry it in its signed {@code X-Keyhole-Server-ID} header
 * @param maxAge how far a sign-in's signing time may be from now, either way
 * @param groups keyhole groups of principals, by principal ARN (role ARNs without path); others have none
 */
public record IamAuthConfig(List<URI> stsEndpoints, String audience, Duration maxAge, Map<String, Set<String>> groups) {

    /** Five minutes, the window the usual IAM sign-in designs allow. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    public IamAuthConfig {
        stsEndpoints = List.copyOf(stsEndpoints);
        groups = Map.copyOf(groups);
        if (stsEndpoints.isEmpty()) {
            throw new IllegalArgumentException("iam sign-in needs at least one STS endpoint");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("iam sign-in needs an audience: the server id clients sign for");
        }
        if (maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("iam sign-in max age must be more than 0 and at most PT15M, not " + maxAge);
        }
    }

    /** One STS endpoint, the default window, no groups. */
    public static IamAuthConfig of(URI stsEndpoint, String audience) {
        return new IamAuthConfig(List.of(stsEndpoint), audience, DEFAULT_MAX_AGE, Map.of());
    }

    /** The same, with principals' groups. */
    public IamAuthConfig withGroups(Map<String, Set<String>> principalGroups) {
        return new IamAuthConfig(stsEndpoints, audience, maxAge, principalGroups);
    }
}
