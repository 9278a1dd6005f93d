package dev.keyhole.gateway.identity;

import static dev.keyhole.gateway.identity.TestIssuer.EC;
import static dev.keyhole.gateway.identity.TestIssuer.RSA;
import static dev.keyhole.gateway.identity.TestIssuer.claims;
import static dev.keyhole.gateway.identity.TestIssuer.es256;
import static dev.keyhole.gateway.identity.TestIssuer.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real signed tokens against a JWKS served on a local port; time from a clock the tests move. */
class OidcVerifierTest {

    private final ManualClock clock = new ManualClock(ApiTokensContract.START);
    private final Instant now = clock.instant();
    private final TestIssuer issuer = new TestIssuer();
    private final OidcVerifier verifier = new OidcVerifier(issuer.settings(), clock);

    @AfterEach
    void stop() {
        issuer.close();
    }

    /** Asserts {@code token} is refused, and that the reason does not repeat any part of it. */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(String token) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> verifier.verify(token));
        assertThat(t).isInstanceOf(AuthenticationException.class);
        for (String part : token.split("\\.")) {
            if (part.length() > 8) {
                assertThat(t.getMessage()).doesNotContain(part);
            }
        }
        assertThat(t.getMessage()).matches("[a-z].*").doesNotContain("\n");
        return assertThat(t);
    }

    @Test
    void aTokenSignedWithTheIssuersRsaKeyNamesThePersonAndTheirGroups() {
        Caller c = verifier.verify(rs256(RSA, claims(now).build()));
        assertThat(c).isEqualTo(new Caller("alice", Set.of("oncall", "payments-leads")));
    }

    @Test
    void aTokenSignedWithTheIssuersEcKeyIsAccepted() {
        assertThat(verifier.verify(es256(EC, claims(now).build())).name()).isEqualTo("alice");
    }

    @Test
    void groupsMayBeASpaceSeparatedString() {
        Caller c = verifier.verify(rs256(RSA, claims(now).claim("groups", " oncall  support ").build()));
        assertThat(c.groups()).containsExactlyInAnyOrder("oncall", "support");
    }

    @Test
    void theConfiguredGroupsClaimIsTheOneRead() {
        OidcVerifier.Settings d = issuer.settings();
        OidcVerifier roles = new OidcVerifier(new OidcVerifier.Settings(d.issuer(), d.audience(), d.jwksUri(),
                d.usernameClaim(), "roles", d.algorithms(), d.skew(), d.jwksMinRefresh()), clock);
        Caller c = roles.verify(rs256(RSA, claims(now).claim("roles", List.of("dba")).build()));
        assertThat(c.groups()).containsExactly("dba");
    }

    @Test
    void withoutTheGroupsClaimTheCallerHasNoGroups() {
        assertThat(verifier.verify(rs256(RSA, claims(now).claim("groups", null).build())).groups()).isEmpty();
    }

    @Test
    void aGroupsClaimOfAnotherShapeIsRefused() {
        refused(rs256(RSA, claims(now).claim("groups", List.of("oncall", 7)).build()))
                .hasMessageContaining("`groups` claim must list strings");
        refused(rs256(RSA, claims(now).claim("groups", 7).build()))
                .hasMessageContaining("must be an array of strings or a space-separated string");
    }

    @Test
    void theSubjectNamesTheCallerWhenTheUsernameClaimIsMissing() {
        assertThat(verifier.verify(rs256(RSA, claims(now).claim("preferred_username", null).build())).name())
                .isEqualTo("00u1abc");
        refused(rs256(RSA, claims(now).claim("preferred_username", null).subject(null).build()))
                .hasMessage("the token names nobody: it has neither `preferred_username` nor `sub`");
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(rs256(RSA, claims(now).expirationTime(Date.from(now.minusSeconds(60))).build()))
                .hasMessageStartingWith("the token expired at 2026-11-25T07:59:00Z");
    }

    @Test
    void expiryWithinTheClockSkewIsTolerated() {
        assertThat(verifier.verify(rs256(RSA, claims(now).expirationTime(Date.from(now.minusSeconds(59))).build())).name())
                .isEqualTo("alice");
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() {
        refused(rs256(RSA, claims(now).expirationTime(null).build())).hasMessageContaining("has no expiry (`exp`)");
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        refused(rs256(RSA, claims(now).notBeforeTime(Date.from(now.plusSeconds(61))).build()))
                .hasMessageStartingWith("the token is not valid before 2026-11-25T08:01:01Z");
        assertThat(verifier.verify(rs256(RSA, claims(now).notBeforeTime(Date.from(now.plusSeconds(59))).build())))
                .isNotNull();
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        refused(rs256(RSA, claims(now).issueTime(Date.from(now.plusSeconds(300))).build()))
                .hasMessageContaining("issued in the future");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(rs256(RSA, claims(now).issuer("https://evil.test").build()))
                .hasMessage("the token was issued by `https://evil.test`, not by the trusted issuer `https://login.example.test`");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(rs256(RSA, claims(now).audience("billing").build()))
                .hasMessage("the token is meant for `billing`, not for keyhole's audience `keyhole`");
    }

    @Test
    void aSignatureByAnotherKeyWithTheSameKeyIdIsRefused() {
        RSAKey impostor = TestIssuer.generateRsa("rsa-1");
        refused(rs256(impostor, claims(now).build()))
                .hasMessage("the token's signature does not verify with the issuer's key `rsa-1`");
    }

    @Test
    void aTokenWithAlteredClaimsIsRefused() {
        String good = rs256(RSA, claims(now).build());
        String[] parts = good.split("\\.");
        String evil = com.nimbusds.jose.util.Base64URL.encode(claims(now).claim("groups", List.of("admins")).build()
                .toString()).toString();
        refused(parts[0] + "." + evil + "." + parts[2]).hasMessageContaining("signature does not verify");
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefusedNamingTheKeyId() {
        refused(rs256(TestIssuer.generateRsa("rsa-9"), claims(now).build()))
                .hasMessageStartingWith("the issuer's key set at `" + issuer.jwksUri() + "` has no RS256 key `rsa-9`");
    }

    @Test
    void aRotatedKeyIsAcceptedOnceTheKeySetIsFetchedAgain() {
        verifier.verify(rs256(RSA, claims(now).build()));
        RSAKey rotated = TestIssuer.generateRsa("rsa-2");
        String signedByNewKey = rs256(rotated, claims(now).build());
        refused(signedByNewKey).hasMessageContaining("no RS256 key `rsa-2`");
        issuer.publish(rotated);
        clock.move(Duration.ofSeconds(30));
        int before = issuer.fetches();
        assertThat(verifier.verify(signedByNewKey).name()).isEqualTo("alice");
        assertThat(issuer.fetches()).isEqualTo(before + 1);
        assertThat(verifier.verify(rs256(RSA, claims(now).build())).name()).as("the old key still works").isEqualTo("alice");
        assertThat(issuer.fetches()).isEqualTo(before + 1);
    }

    @Test
    void unknownKeyIdsFetchTheKeySetAtMostOncePerInterval() {
        verifier.verify(rs256(RSA, claims(now).build()));
        assertThat(issuer.fetches()).isEqualTo(1);
        clock.move(Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) {
            refused(es256(TestIssuer.generateEc("made-up-" + i), claims(now).build()));
        }
        assertThat(issuer.fetches()).as("one refetch for the first unknown key id, then none").isEqualTo(2);
    }

    @Test
    void keysAreFetchedOnceAndCachedAcrossTokens() {
        for (int i = 0; i < 5; i++) {
            verifier.verify(rs256(RSA, claims(now).build()));
            verifier.verify(es256(EC, claims(now).build()));
        }
        assertThat(issuer.fetches()).isEqualTo(1);
        clock.move(JwksCache.MAX_AGE);
        verifier.verify(rs256(RSA, claims(clock.instant()).build()));
        assertThat(issuer.fetches()).as("fetched again once the cached set is old").isEqualTo(2);
    }

    @Test
    void anUnreachableKeySetIsReportedAndNotAskedForAgainAtOnce() {
        issuer.answer(503);
        String token = rs256(RSA, claims(now).build());
        refused(token).hasMessageStartingWith("cannot fetch the issuer's signing keys from `" + issuer.jwksUri() + "`: HTTP 503");
        refused(token);
        assertThat(issuer.fetches()).isEqualTo(1);
        issuer.answer(200);
        clock.move(Duration.ofSeconds(30));
        assertThat(verifier.verify(rs256(RSA, claims(clock.instant()).build())).name()).isEqualTo("alice");
    }

    @Test
    void keysAlreadyHeldServeWhileTheIssuerIsBrieflyDown() {
        verifier.verify(rs256(RSA, claims(now).build()));
        issuer.answer(500);
        clock.move(JwksCache.MAX_AGE.plusMinutes(1));
        assertThat(verifier.verify(rs256(RSA, claims(clock.instant()).build())).name()).isEqualTo("alice");
        clock.move(JwksCache.STALE_LIMIT);
        refused(rs256(RSA, claims(clock.instant()).build())).hasMessageContaining("HTTP 500");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refused(new PlainJWT(claims(now).build()).serialize()).hasMessageContaining("unsigned (`alg: none`)");
    }

    @Test
    void aSharedSecretTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        // The classic confusion: HMAC keyed with bytes anyone can read from the JWKS.
        byte[] publicKeyBytes = RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        refused(TestIssuer.sign(new MACSigner(publicKeyBytes), JWSAlgorithm.HS256, "rsa-1", claims(now).build()))
                .hasMessageStartingWith("the token is signed with `HS256`, a shared-secret algorithm");
        refused(TestIssuer.sign(new MACSigner(RSA.toRSAPublicKey().getEncoded()), JWSAlgorithm.HS256, "rsa-1",
                claims(now).build())).hasMessageContaining("shared-secret");
    }

    @Test
    void aPublicKeyAlgorithmOutsideTheAllowListIsRefused() {
        String ps256 = TestIssuer.sign(TestIssuer.rsaSigner(RSA), JWSAlgorithm.PS256, "rsa-1", claims(now).build());
        refused(ps256).hasMessage("the token's algorithm `PS256` is not allowed; allowed: ES256, RS256");
    }

    @Test
    void somethingThatIsNotAJwtIsRefused() {
        refused("not-a-jwt").hasMessage("the bearer token is not a JWT");
        refused("").hasMessage("no token was presented");
        refused("x".repeat(20_000)).hasMessageContaining("longer than 16 KiB");
    }

    @Test
    void settingsRefuseSharedSecretsUnsignedTokensAndKeysOverPlainHttp() {
        assertThatThrownBy(() -> new OidcVerifier.Settings("https://i", "keyhole", URI.create("https://i/jwks"), "sub",
                "groups", Set.of(JWSAlgorithm.HS256), Duration.ZERO, Duration.ZERO)).hasMessageContaining("shared-secret");
        assertThatThrownBy(() -> new OidcVerifier.Settings("https://i", "keyhole", URI.create("https://i/jwks"), "sub",
                "groups", Set.of(new JWSAlgorithm("none")), Duration.ZERO, Duration.ZERO)).hasMessageContaining("`none`");
        assertThatThrownBy(() -> OidcVerifier.Settings.of("https://i", "keyhole", URI.create("http://idp.example.com/jwks")))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> OidcVerifier.Settings.of("", "", URI.create("https://i/jwks")))
                .hasMessageContaining("issuer is required").hasMessageContaining("audience is required");
        assertThat(OidcVerifier.Settings.of("https://i", "keyhole", URI.create("http://localhost:8080/jwks")).jwksUri())
                .hasHost("localhost");
    }

    @Test
    void messagesShowClaimValuesOnOneLine() {
        JWTClaimsSet c = claims(now).issuer("https://evil.test/\nkeyhole: accepted " + "x".repeat(200)).build();
        refused(rs256(RSA, c)).hasMessageContaining("https://evil.test/?keyhole: accepted").hasMessageContaining("…");
    }
}
