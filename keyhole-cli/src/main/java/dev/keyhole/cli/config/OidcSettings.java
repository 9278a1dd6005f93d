package dev.keyhole.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import dev.keyhole.gateway.identity.OidcVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenID Connect from {@code keyhole.yaml}'s {@code oidc:} section; without one, only API tokens are accepted.
 * <pre>
 * oidc:
 *   issuer: https://login.example.com                  # the tokens' `iss`
 *   audience: keyhole                                  # a value their `aud` must hold
 *   jwksUri: https://login.example.com/oauth2/v1/keys  # the issuer's signing keys (https)
 *   usernameClaim: preferred_username                  # default; `sub` when a token lacks it
 *   groupsClaim: groups                                # default; an array or a space-separated string
 *   algorithms: [RS256, ES256]                         # default; public-key algorithms only
 * </pre>
 * Tokens may be 60 s past expiry or before not-before (clock skew); the key set is fetched again at most every 30 s.
 */
public final class OidcSettings {

    private static final Set<String> FIELDS = new TreeSet<>(Set.of("issuer", "audience", "jwksUri", "usernameClaim",
            "groupsClaim", "algorithms"));

    private OidcSettings() {}

    /** The settings in {@code oidc} ({@code cfg.raw().path("oidc")}), empty when absent; every problem reported at once. */
    public static Optional<OidcVerifier.Settings> read(JsonNode oidc) throws IOException {
        if (oidc == null || oidc.isMissingNode() || oidc.isNull()) {
            return Optional.empty();
        }
        if (!oidc.isObject()) {
            throw new IOException("`oidc` must be a mapping with issuer, audience and jwksUri");
        }
        List<String> problems = new ArrayList<>();
        oidc.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add("`oidc." + f + "` is not a setting; use one of " + String.join(", ", FIELDS));
            }
        });
        String issuer = text(oidc, "issuer", null, problems);
        String audience = text(oidc, "audience", null, problems);
        String usernameClaim = text(oidc, "usernameClaim", OidcVerifier.Settings.DEFAULT_USERNAME_CLAIM, problems);
        String groupsClaim = text(oidc, "groupsClaim", OidcVerifier.Settings.DEFAULT_GROUPS_CLAIM, problems);
        URI jwksUri = null;
        String jwks = text(oidc, "jwksUri", null, problems);
        if (jwks != null) {
            try {
                jwksUri = new URI(jwks);
            } catch (URISyntaxException e) {
                problems.add("`oidc.jwksUri` `" + jwks + "` is not a URL");
            }
        }
        Set<JWSAlgorithm> algorithms = algorithms(oidc.path("algorithms"), OidcVerifier.Settings.DEFAULT_ALGORITHMS, problems);
        if (jwks == null || jwksUri != null) {
            for (String p : OidcVerifier.Settings.problems(issuer, audience, jwksUri, usernameClaim, groupsClaim, algorithms)) {
                problems.add("`oidc`: " + p);
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return Optional.of(new OidcVerifier.Settings(issuer, audience, jwksUri, usernameClaim, groupsClaim, algorithms,
                OidcVerifier.Settings.DEFAULT_SKEW, OidcVerifier.Settings.DEFAULT_JWKS_MIN_REFRESH));
    }

    /** A string setting, {@code fallback} when absent. */
    private static String text(JsonNode oidc, String field, String fallback, List<String> problems) {
        JsonNode n = oidc.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            problems.add("`oidc." + field + "` must be a string");
            return fallback;
        }
        return n.asText();
    }

    private static Set<JWSAlgorithm> algorithms(JsonNode n, Set<JWSAlgorithm> fallback, List<String> problems) {
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isArray()) {
            problems.add("`oidc.algorithms` must be a list, e.g. [RS256, ES256]");
            return fallback;
        }
        Set<JWSAlgorithm> out = new LinkedHashSet<>();
        n.forEach(a -> out.add(JWSAlgorithm.parse(a.asText())));
        return out;
    }
}
