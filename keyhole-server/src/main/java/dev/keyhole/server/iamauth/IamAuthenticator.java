package dev.keyhole.server.iamauth;

import dev.keyhole.gateway.Caller;
import dev.keyhole.server.Services;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Signs machines in with their AWS IAM identity, through the bearer tokens keyhole already takes: a token
 * starting {@value #PREFIX} is a signed STS {@code GetCallerIdentity} request (see keyhole-client's
 * {@code IamSignIn}); every other token goes to the next authenticator unchanged.
 *
 * <p>Stages, each refusing with a 401 that says why: {@link SignInRequest} checks the token offline (trusted STS
 * endpoint only, {@code GetCallerIdentity} only, this keyhole's server id signed in, fresh); {@link ReplayGuard}
 * accepts it once; {@link StsIdentity} has STS verify it and name the signer; {@link PrincipalArns} turns the
 * signer into the principal — its role ARN for a role session — which is the caller's name, so runbooks bind it
 * as {@code service:ARN} and the audit log records it.
 */
public final class IamAuthenticator implements Services.TokenAuthenticator {

    /** What IAM sign-in tokens start with. */
    public static final String PREFIX = "khiam.";
    private static final int MAX_REMEMBERED = 100_000;

    private final IamAuthConfig config;
    private final Services.TokenAuthenticator next;
    private final Clock clock;
    private final StsIdentity sts;
    private final ReplayGuard replays = new ReplayGuard(MAX_REMEMBERED);

    /**
     * @param next who authenticates every other token (API tokens, OpenID Connect)
     * @param clock what "now" is for a token's age
     */
    public IamAuthenticator(IamAuthConfig config, Services.TokenAuthenticator next, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.next = Objects.requireNonNull(next, "next");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Never follow a redirect: the request goes to the checked STS endpoint and nowhere else.
        this.sts = new StsIdentity(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build(), Duration.ofSeconds(10));
    }

    @Override
    public Caller authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return next.authenticate(token);
        }
        Instant now = clock.instant();
        SignInRequest req = SignInRequest.check(token.substring(PREFIX.length()), config, now);
        if (!replays.firstUse(req.signature(), req.signedAt().plus(config.maxAge()), now)) {
            throw SignInRequest.refuse("this IAM sign-in token was already used; make a new one for each request");
        }
        StsIdentity.CallerIdentity who;
        try {
            who = sts.ask(req);
        } catch (RuntimeException e) {
            replays.release(req.signature());
            throw e;
        }
        String principal = PrincipalArns.principal(who.arn()).orElseThrow(() -> SignInRequest.refuse("`" + who.arn()
                + "` may not sign in: only IAM roles (through a role session) and IAM users can"));
        return new Caller(principal, config.groups().getOrDefault(principal, Set.of()));
    }
}
