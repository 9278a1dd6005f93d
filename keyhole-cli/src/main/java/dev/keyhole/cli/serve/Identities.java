package dev.keyhole.cli.serve;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.identity.ApiTokens;
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
    private final KeyholeConfig cfg;

    private Identities(ApiTokens tokens, KeyholeConfig cfg) {
        this.tokens = tokens;
        this.cfg = cfg;
    }

    static Identities open(KeyholeConfig cfg, Database db, Clock clock) {
        return new Identities(new ApiTokens(db, clock), cfg);
    }

    Services.TokenAuthenticator authenticator() {
        return token -> {
            String user = tokens.authenticate(token).orElseThrow(() -> new ApiError(401, "unauthenticated",
                    "the token is unknown, expired or revoked; create one with `keyhole tokens create USER`"));
            return new Caller(user, cfg.groupsOf(user));
        };
    }

    /** A new token for {@code user}; the only time it is shown. */
    String issue(String user, String name, Duration ttl) {
        return tokens.create(user, name, ttl).token();
    }
}
