package dev.keyhole.gateway.identity;

import dev.keyhole.gateway.Caller;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is asking, from an {@code Authorization} header value ({@code Bearer <token>}) or a bare token: keyhole API
 * tokens ({@code kh_...}) go to {@link ApiTokens}, anything else to the {@link OidcVerifier} when there is one.
 *
 * <p>An API token names only a user. Their groups come from {@code groupsOf} at every request, so taking someone
 * out of a group takes effect at once, with no token to reissue; when {@code groupsOf} answers {@code null} the
 * user is no longer known and their tokens stand for nobody. OpenID Connect tokens carry their own groups.
 */
public final class Authenticator {

    private static final String BEARER = "bearer";

    private final ApiTokens tokens;
    private final Function<String, Set<String>> groupsOf;
    private final OidcVerifier oidc;

    /** API tokens only: any other token is refused, saying that OpenID Connect is not configured. */
    public Authenticator(ApiTokens tokens, Function<String, Set<String>> groupsOf) {
        this(tokens, groupsOf, null);
    }

    /** API tokens and, when {@code oidc} is not {@code null}, OpenID Connect bearer tokens. */
    public Authenticator(ApiTokens tokens, Function<String, Set<String>> groupsOf, OidcVerifier oidc) {
        this.tokens = tokens;
        this.groupsOf = groupsOf;
        this.oidc = oidc;
    }

    /** The caller {@code authorization} stands for; throws {@link AuthenticationException} saying why when nobody. */
    public Caller authenticate(String authorization) {
        String token = token(authorization);
        if (token.startsWith("kh_")) {
            String user = tokens.verify(token);
            Set<String> groups = groupsOf.apply(user);
            if (groups == null) {
                throw new AuthenticationException("the api token belongs to `" + user + "`, who is no longer a keyhole user");
            }
            return new Caller(user, groups);
        }
        if (oidc == null) {
            throw new AuthenticationException("only keyhole api tokens (`kh_...`) are accepted here: OpenID Connect is "
                    + "not configured (see the `oidc:` section of keyhole.yaml)");
        }
        return oidc.verify(token);
    }

    /** The token in a header value: after {@code Bearer } (any case), or the whole value when it has no scheme. */
    private static String token(String authorization) {
        String v = authorization == null ? "" : authorization.strip();
        if (v.isEmpty()) {
            throw new AuthenticationException("no credentials were presented; send `Authorization: Bearer <token>`");
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals(BEARER) || lower.startsWith(BEARER + " ")) {
            v = v.substring(BEARER.length()).strip();
            if (v.isEmpty()) {
                throw new AuthenticationException("the bearer token is empty; send `Authorization: Bearer <token>`");
            }
        }
        int space = v.indexOf(' ');
        if (space >= 0) {
            // Never echo what follows the scheme: for `Basic` it is a password.
            throw new AuthenticationException("only bearer tokens are accepted, not the `"
                    + TokenClaims.shown(v.substring(0, Math.min(space, 20))) + "` scheme; send `Authorization: Bearer <token>`");
        }
        return v;
    }
}
