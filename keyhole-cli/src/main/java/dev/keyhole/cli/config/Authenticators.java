package dev.keyhole.cli.config;

import dev.keyhole.gateway.identity.ApiTokens;
import dev.keyhole.gateway.identity.AuthenticationException;
import dev.keyhole.gateway.identity.Authenticator;
import dev.keyhole.gateway.identity.OidcVerifier;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link Authenticator} server mode uses, from {@code keyhole.yaml}: API tokens from keyhole's state database,
 * with each user's groups read from the file as it is now (an edit takes effect on the next request; a file that
 * no longer parses leaves the last good one in force), and OpenID Connect when there is an {@code oidc:} section
 * ({@link OidcSettings}).
 */
public final class Authenticators {

    private Authenticators() {}

    /** Over the state database {@code cfg.audit()} names, opened here and kept open for the life of the process. */
    public static Authenticator from(KeyholeConfig cfg, Clock clock) throws IOException {
        Optional<OidcVerifier.Settings> oidc = OidcSettings.read(cfg.raw().path("oidc"));
        return build(cfg, cfg.audit().openDatabase(), oidc, clock);
    }

    /** Over {@code db}, which the caller keeps open as long as the authenticator is used. */
    public static Authenticator from(KeyholeConfig cfg, Database db, Clock clock) throws IOException {
        return build(cfg, db, OidcSettings.read(cfg.raw().path("oidc")), clock);
    }

    /** For the HTTP API: a refusal becomes a 401 carrying its reason. */
    public static Services.TokenAuthenticator forServer(Authenticator auth) {
        return token -> {
            try {
                return auth.authenticate(token);
            } catch (AuthenticationException e) {
                throw new ApiError(401, "unauthenticated", e.getMessage());
            }
        };
    }

    private static Authenticator build(KeyholeConfig cfg, Database db, Optional<OidcVerifier.Settings> oidc, Clock clock) {
        return new Authenticator(new ApiTokens(db, clock), new UsersOnFile(cfg),
                oidc.map(s -> new OidcVerifier(s, clock)).orElse(null));
    }

    /** A user's groups as {@code keyhole.yaml} says now; {@code null} for someone it does not name. */
    private static final class UsersOnFile implements Function<String, Set<String>> {

        private final Path file;
        private Map<String, Set<String>> users;
        private FileTime seen;

        UsersOnFile(KeyholeConfig cfg) {
            this.file = cfg.file();
            this.users = cfg.users();
            this.seen = modified(file);
        }

        @Override
        public synchronized Set<String> apply(String user) {
            FileTime now = modified(file);
            if (now != null && !now.equals(seen)) {
                try {
                    users = KeyholeConfig.load(file).users();
                    seen = now;
                } catch (IOException | RuntimeException e) {
                    // Mid-edit or broken: keep the last good users rather than lock everyone out.
                }
            }
            return users.get(user);
        }

        private static FileTime modified(Path file) {
            try {
                return file == null ? null : Files.getLastModifiedTime(file);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
