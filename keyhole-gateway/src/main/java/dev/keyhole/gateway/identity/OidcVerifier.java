package dev.keyhole.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.keyhole.gateway.Caller;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenID Connect bearer tokens (people's ID or access tokens, Kubernetes service-account tokens) in four
 * steps: parse (a signed JWT, never {@code alg: none} or encrypted), choose the key (the algorithm from an
 * allow-list of public-key algorithms, the key from the issuer's JWKS by key id — see {@link JwksCache}),
 * verify the signature, then check the claims ({@link TokenClaims}: {@code iss}, {@code aud}, {@code exp},
 * {@code nbf}, {@code iat} against the injected clock with a little skew) and read the caller from them.
 * Every refusal is an {@link AuthenticationException} saying which step failed, never quoting the token.
 */
public final class OidcVerifier {

    /** The public-key algorithms keyhole can verify with the JDK alone. */
    public static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private static final int MAX_TOKEN = 16 * 1024;

    /**
     * What to trust. The component names are those of {@code keyhole.yaml}'s {@code oidc:} section.
     *
     * @param issuer the {@code iss} every token must carry
     * @param audience a value {@code aud} must contain
     * @param jwksUri where the issuer publishes its signing keys; https, or http on a loopback address
     * @param usernameClaim the claim naming the principal ({@code sub} when the token lacks it)
     * @param groupsClaim the claim listing groups (an array of strings, or a space-separated string)
     * @param algorithms accepted signing algorithms, a subset of {@link #SUPPORTED}
     * @param skew tolerated clock difference for {@code exp}, {@code nbf} and {@code iat}
     * @param jwksMinRefresh least time between two JWKS fetches (a flood of unknown key ids cannot hammer the issuer)
     */
    public record Settings(String issuer, String audience, URI jwksUri, String usernameClaim, String groupsClaim,
                           Set<JWSAlgorithm> algorithms, Duration skew, Duration jwksMinRefresh) {

        /** Refuses settings {@link #problems} finds fault with, all of them in one message. */
        public Settings {
            algorithms = Set.copyOf(algorithms);
            List<String> problems = problems(issuer, audience, jwksUri, usernameClaim, groupsClaim, algorithms);
            if (skew.isNegative() || jwksMinRefresh.isNegative()) {
                problems.add("skew and jwksMinRefresh cannot be negative");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";
        public static final String DEFAULT_GROUPS_CLAIM = "groups";
        public static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
        public static final Duration DEFAULT_JWKS_MIN_REFRESH = Duration.ofSeconds(30);

        /** The defaults: RS256 and ES256, `preferred_username` and `groups`, 60 s of skew, JWKS fetched at most every 30 s. */
        public static Settings of(String issuer, String audience, URI jwksUri) {
            return new Settings(issuer, audience, jwksUri, DEFAULT_USERNAME_CLAIM, DEFAULT_GROUPS_CLAIM, DEFAULT_ALGORITHMS,
                    DEFAULT_SKEW, DEFAULT_JWKS_MIN_REFRESH);
        }

        /** What is wrong with these values, one message each, naming the setting; empty when nothing is. */
        public static List<String> problems(String issuer, String audience, URI jwksUri, String usernameClaim,
                                            String groupsClaim, Set<JWSAlgorithm> algorithms) {
            List<String> out = new ArrayList<>();
            if (issuer == null || issuer.isBlank()) {
                out.add("issuer is required: the `iss` your identity provider puts in its tokens, e.g. https://login.example.com");
            }
            if (audience == null || audience.isBlank()) {
                out.add("audience is required: the `aud` tokens meant for keyhole carry, e.g. keyhole");
            }
            if (jwksUri == null) {
                out.add("jwksUri is required: where the issuer publishes its signing keys");
            } else if (!jwksUri.isAbsolute() || jwksUri.getHost() == null
                    || !Set.of("https", "http").contains(jwksUri.getScheme())) {
                out.add("jwksUri `" + jwksUri + "` must be an https URL");
            } else if (jwksUri.getScheme().equals("http") && !loopback(jwksUri.getHost())) {
                out.add("jwksUri `" + jwksUri + "` must use https: keys fetched in the clear could be swapped in transit "
                        + "(plain http is allowed only for 127.0.0.1, ::1 and localhost)");
            }
            if (usernameClaim == null || usernameClaim.isBlank() || groupsClaim == null || groupsClaim.isBlank()) {
                out.add("usernameClaim and groupsClaim must name claims, e.g. preferred_username and groups");
            }
            if (algorithms.isEmpty()) {
                out.add("algorithms must name at least one of " + names(SUPPORTED));
            }
            for (JWSAlgorithm a : algorithms) {
                if (a.getName().equals("none")) {
                    out.add("algorithms must not include `none`: unsigned tokens would be accepted");
                } else if (JWSAlgorithm.Family.HMAC_SHA.contains(a)) {
                    out.add("algorithms must not include `" + a + "`, a shared-secret algorithm: anyone holding the secret "
                            + "could mint tokens; use the issuer's public-key algorithms (" + names(SUPPORTED) + ")");
                } else if (!SUPPORTED.contains(a)) {
                    out.add("algorithm `" + a + "` is not supported; use " + names(SUPPORTED));
                }
            }
            return out;
        }

        private static boolean loopback(String host) {
            return Set.of("127.0.0.1", "localhost", "[::1]", "::1").contains(host);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final JwksCache keys;

    public OidcVerifier(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.keys = new JwksCache(settings.jwksUri(), settings.jwksMinRefresh(), clock);
    }

    public Settings settings() {
        return settings;
    }

    /** The caller {@code bearerJwt} stands for; throws {@link AuthenticationException} saying why when it stands for nobody. */
    public Caller verify(String bearerJwt) {
        SignedJWT jwt = parse(bearerJwt);
        JWSHeader header = jwt.getHeader();
        checkAlgorithm(header.getAlgorithm());
        checkSignature(jwt, header);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthenticationException("the token's claims are not a JSON object");
        }
        return new TokenClaims(claims, settings, clock.instant()).caller();
    }

    private static SignedJWT parse(String token) {
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("no token was presented");
        }
        if (token.length() > MAX_TOKEN) {
            throw new AuthenticationException("the token is longer than " + MAX_TOKEN / 1024 + " KiB; keyhole does not read it");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new AuthenticationException("the bearer token is not a JWT");
        }
        return switch (jwt) {
            case SignedJWT s -> s;
            case PlainJWT p -> throw new AuthenticationException("the token is unsigned (`alg: none`); keyhole accepts "
                    + "only tokens signed by the issuer");
            case EncryptedJWT e -> throw new AuthenticationException("the token is encrypted (JWE); keyhole accepts only "
                    + "signed tokens");
            default -> throw new AuthenticationException("the bearer token is not a JWT");
        };
    }

    private void checkAlgorithm(JWSAlgorithm alg) {
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            throw new AuthenticationException("the token is signed with `" + alg + "`, a shared-secret algorithm; keyhole "
                    + "accepts only the issuer's public-key signatures (" + names(settings.algorithms()) + ")");
        }
        if (!settings.algorithms().contains(alg)) {
            throw new AuthenticationException("the token's algorithm `" + TokenClaims.shown(alg.getName())
                    + "` is not allowed; allowed: " + names(settings.algorithms()));
        }
    }

    private void checkSignature(SignedJWT jwt, JWSHeader header) {
        List<JWK> candidates = keys.candidates(header);
        String kid = header.getKeyID() == null ? "" : " `" + TokenClaims.shown(header.getKeyID()) + "`";
        if (candidates.isEmpty()) {
            throw new AuthenticationException("the issuer's key set at `" + settings.jwksUri() + "` has no " + header.getAlgorithm()
                    + " key" + kid + " (fetched again for an unknown key id at most every "
                    + keys.minRefetch().toSeconds() + " s)");
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier v = switch (key) {
                    case RSAKey rsa -> new RSASSAVerifier(rsa);
                    case ECKey ec -> new ECDSAVerifier(ec);
                    default -> null;
                };
                if (v != null && jwt.verify(v)) {
                    return;
                }
            } catch (JOSEException e) {
                // a key that cannot verify this algorithm (wrong curve, bad parameters): try the next one
            }
        }
        throw new AuthenticationException("the token's signature does not verify with the issuer's key" + kid);
    }

    static String names(Set<JWSAlgorithm> algorithms) {
        TreeSet<String> sorted = new TreeSet<>();
        algorithms.forEach(a -> sorted.add(a.getName()));
        return String.join(", ", sorted);
    }
}
