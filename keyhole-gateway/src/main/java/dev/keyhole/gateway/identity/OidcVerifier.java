package dev.keyhole.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.keyhole.gateway.Caller;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OpenID Connect bearer tokens (people's ID/access tokens, Kubernetes service-account tokens): the signature
 * checked against the issuer's JWKS (fetched, cached, refetched when an unknown key id appears), the
 * algorithm from an allow-list (never {@code none} or a shared-secret HS*), issuer, audience, expiry and
 * not-before with a little clock skew. The username comes from a configurable claim, groups from another.
 */
public final class OidcVerifier {

    /**
     * @param issuer the {@code iss} every token must carry
     * @param audience a value {@code aud} must contain
     * @param jwksUri where the issuer publishes its signing keys
     * @param usernameClaim the claim naming the principal ({@code sub} when absent)
     * @param groupsClaim the claim listing groups (an array, or a space-separated string)
     * @param algorithms accepted signing algorithms (asymmetric only)
     * @param skew tolerated clock difference for {@code exp}/{@code nbf}
     * @param jwksMinRefresh least time between two JWKS fetches (a flood of unknown key ids cannot hammer the issuer)
     */
    public record Settings(String issuer, String audience, URI jwksUri, String usernameClaim, String groupsClaim,
                           Set<JWSAlgorithm> algorithms, Duration skew, Duration jwksMinRefresh) {

        public Settings {
            algorithms = Set.copyOf(algorithms);
            for (JWSAlgorithm a : algorithms) {
                if (JWSAlgorithm.Family.HMAC_SHA.contains(a)) {
                    throw new IllegalArgumentException("`" + a + "` is a shared-secret algorithm; keyhole accepts "
                            + "only signatures verifiable with the issuer's public keys (RS256, ES256, PS256, EdDSA...)");
                }
            }
        }

        /** RS256 and ES256, 60 s of skew, JWKS refetched at most every 30 s. */
        public static Settings of(String issuer, String audience, URI jwksUri) {
            return new Settings(issuer, audience, jwksUri, "preferred_username", "groups",
                    Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), Duration.ofSeconds(60), Duration.ofSeconds(30));
        }
    }

    private final Settings settings;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public OidcVerifier(Settings settings, Clock clock) {
        this.settings = settings;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUri().toURL())
                    .rateLimited(settings.jwksMinRefresh().toMillis()).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("`jwksUri` `" + settings.jwksUri() + "` is not a URL", e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(settings.algorithms(), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) settings.skew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The caller {@code jwt} stands for; throws {@link AuthenticationException} saying why when it stands for nobody. */
    public Caller verify(String jwt) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (ParseException e) {
            throw new AuthenticationException("the bearer token is not a JWT");
        } catch (BadJWTException e) {
            throw new AuthenticationException("the token's claims are not accepted: " + e.getMessage());
        } catch (BadJOSEException e) {
            throw new AuthenticationException("the token's signature or algorithm is not accepted: " + e.getMessage());
        } catch (JOSEException e) {
            throw new AuthenticationException("the token could not be checked: " + e.getMessage());
        }
        Object name = claims.getClaim(settings.usernameClaim());
        String user = name instanceof String s && !s.isBlank() ? s : claims.getSubject();
        Set<String> groups = new LinkedHashSet<>();
        Object g = claims.getClaim(settings.groupsClaim());
        if (g instanceof List<?> list) {
            list.forEach(x -> groups.add(String.valueOf(x)));
        } else if (g instanceof String s) {
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    groups.add(part);
                }
            }
        }
        return new Caller(user, groups);
    }
}
