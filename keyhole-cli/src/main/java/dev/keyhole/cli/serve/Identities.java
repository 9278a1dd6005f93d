package dev.keyhole.cli.serve;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.identity.ApiTokens;
import dev.keyhole.gateway.identity.AuthenticationException;
import dev.keyhole.gateway.identity.OidcVerifier;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.Services;
import java.time.Clock;
import java.time.Duration;

/**
 * Who a bearer token stands for in server mode: an API token names a user; the user's groups are those
 * {@code keyhole.yaml} gives now, so removing someone from a group takes effect on their next request.
 */
final class Identities {

    private final ApiTokens tokens;
    private final OidcVerifier oidc;
    private final KeyholeConfig cfg;

    private Identities(ApiTokens tokens, OidcVerifier oidc, KeyholeConfig cfg) {
        this.tokens = tokens;
        this.oidc = oidc;
        this.cfg = cfg;
    }

    /**
     * API tokens from the database; OpenID Connect when {@code keyhole.yaml} has
     * {@code oidc: {issuer, audience, jwksUri, usernameClaim, groupsClaim}} (workloads such as Kubernetes service
     * accounts use {@code usernameClaim: sub}, so the subject is the principal runbooks name).
     */
    static Identities open(KeyholeConfig cfg, Database db, Clock clock) {
        com.fasterxml.jackson.databind.JsonNode n = cfg.raw().path("oidc");
        OidcVerifier oidc = null;
        if (n.isObject()) {
            OidcVerifier.Settings d = OidcVerifier.Settings.of(n.path("issuer").asText(), n.path("audience").asText(),
                    java.net.URI.create(n.path("jwksUri").asText()));
            oidc = new OidcVerifier(new OidcVerifier.Settings(d.issuer(), d.audience(), d.jwksUri(),
                    n.path("usernameClaim").asText(d.usernameClaim()), n.path("groupsClaim").asText(d.groupsClaim()),
                    d.algorithms(), d.skew(), d.jwksMinRefresh()), clock);
        }
        return new Identities(new ApiTokens(db, clock), oidc, cfg);
    }

    /** {@code kh_} tokens are API tokens (groups from the configuration now); anything else is OpenID Connect. */
    Services.TokenAuthenticator authenticator() {
        return token -> {
            if (token.startsWith("kh_") || oidc == null) {
                String user = tokens.authenticate(token).orElseThrow(() -> new ApiError(401, "unauthenticated",
                        "the token is unknown, expired or revoked; create one with `keyhole tokens create USER`"));
                return new Caller(user, cfg.groupsOf(user));
            }
            try {
                return oidc.verify(token);
            } catch (AuthenticationException e) {
                throw new ApiError(401, "unauthenticated", e.getMessage());
            }
        };
    }

    /** A new token for {@code user}; the only time it is shown. */
    String issue(String user, String name, Duration ttl) {
        return tokens.create(user, name, ttl).token();
    }
}
