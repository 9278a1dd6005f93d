package dev.keyhole.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.keyhole.gateway.Caller;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real signed tokens against a JWKS served on a local port. */
class OidcVerifierTest {

    private static final String ISSUER = "https://login.example.test";
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private HttpServer jwks;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private RSAKey rsa;
    private ECKey ec;
    private OidcVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", ex -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(List.copyOf(published)).toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        OidcVerifier.Settings s = new OidcVerifier.Settings(ISSUER, "keyhole", URI.create("http://127.0.0.1:"
                + jwks.getAddress().getPort() + "/jwks"), "preferred_username", "groups",
                java.util.Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), Duration.ofSeconds(60), Duration.ofMillis(1));
        verifier = new OidcVerifier(s, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("keyhole").subject("00u1abc")
                .claim("preferred_username", "alice").claim("groups", List.of("oncall", "payments-leads"))
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet c) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), c);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void aTokenSignedByTheIssuersRsaOrEcKeyNamesThePersonAndTheirGroups() throws Exception {
        Caller viaRsa = verifier.verify(sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", claims().build()));
        assertThat(viaRsa).isEqualTo(new Caller("alice", java.util.Set.of("oncall", "payments-leads")));
        Caller viaEc = verifier.verify(sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1",
                claims().claim("groups", "oncall  support").claim("preferred_username", null).build()));
        assertThat(viaEc).isEqualTo(new Caller("00u1abc", java.util.Set.of("oncall", "support")));
    }

    @Test
    void expiredNotYetValidWrongIssuerOrWrongAudienceTokensAreRefused() throws Exception {
        RSASSASigner s = new RSASSASigner(rsa);
        assertThatThrownBy(() -> verifier.verify(sign(s, JWSAlgorithm.RS256, "rsa-1",
                claims().expirationTime(Date.from(NOW.minusSeconds(61))).build()))).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Expired JWT");
        assertThat(verifier.verify(sign(s, JWSAlgorithm.RS256, "rsa-1",
                claims().expirationTime(Date.from(NOW.minusSeconds(30))).build())).name()).isEqualTo("alice");
        assertThatThrownBy(() -> verifier.verify(sign(s, JWSAlgorithm.RS256, "rsa-1",
                claims().notBeforeTime(Date.from(NOW.plusSeconds(300))).build()))).hasMessageContaining("before use time");
        assertThatThrownBy(() -> verifier.verify(sign(s, JWSAlgorithm.RS256, "rsa-1",
                claims().issuer("https://evil.test").build()))).hasMessageContaining("iss");
        assertThatThrownBy(() -> verifier.verify(sign(s, JWSAlgorithm.RS256, "rsa-1",
                claims().audience("someone-else").build()))).hasMessageContaining("aud");
    }

    @Test
    void aForgedSignatureAnUnsignedTokenAndASharedSecretAreRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertThatThrownBy(() -> verifier.verify(sign(new RSASSASigner(other), JWSAlgorithm.RS256, "rsa-1",
                claims().build()))).isInstanceOf(AuthenticationException.class).hasMessageContaining("signature");
        String unsigned = new PlainJWT(claims().build()).serialize();
        assertThatThrownBy(() -> verifier.verify(unsigned)).isInstanceOf(AuthenticationException.class);
        // The classic confusion: HMAC keyed with bytes an attacker can know.
        byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(sign(new MACSigner(secret), JWSAlgorithm.HS256, "rsa-1",
                claims().build()))).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.verify("not-a-jwt")).hasMessage("the bearer token is not a JWT");
        assertThatThrownBy(() -> new OidcVerifier.Settings(ISSUER, "keyhole", URI.create("http://x/jwks"), "sub", "groups",
                java.util.Set.of(JWSAlgorithm.HS256), Duration.ZERO, Duration.ZERO)).hasMessageContaining("shared-secret");
    }

    @Test
    void aKeyRotatedInIsFetchedWhenItsKeyIdFirstAppears() throws Exception {
        verifier.verify(sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", claims().build()));
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        String withNewKey = sign(new RSASSASigner(rotated), JWSAlgorithm.RS256, "rsa-2", claims().build());
        assertThatThrownBy(() -> verifier.verify(withNewKey)).isInstanceOf(AuthenticationException.class);
        published.add(rotated.toPublicJWK());
        int before = fetches.get();
        Thread.sleep(5); // past the (test's 1 ms) minimum interval between fetches
        assertThat(verifier.verify(withNewKey).name()).isEqualTo("alice");
        assertThat(fetches.get()).isGreaterThan(before);
    }
}
