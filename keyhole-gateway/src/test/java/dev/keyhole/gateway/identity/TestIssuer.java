package dev.keyhole.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider for tests: real RSA and EC keys, their public halves served as a JWKS by a JDK HTTP server
 * on a free port, tokens signed with them. Tests publish and withdraw keys to play rotation, and count fetches.
 */
final class TestIssuer implements AutoCloseable {

    static final String ISSUER = "https://login.example.test";
    static final String AUDIENCE = "keyhole";

    // Key generation is the slow part (RSA ~100 ms); every test shares these.
    static final RSAKey RSA = generateRsa("rsa-1");
    static final ECKey EC = generateEc("ec-1");

    private final HttpServer server;
    private final List<JWK> published = new CopyOnWriteArrayList<>(List.of(RSA.toPublicJWK(), EC.toPublicJWK()));
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int status = 200;

    TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", ex -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(List.copyOf(published)).toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    URI jwksUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    /** Default settings for this issuer: RS256 and ES256, 60 s skew, refetch at most every 30 s. */
    OidcVerifier.Settings settings() {
        return OidcVerifier.Settings.of(ISSUER, AUDIENCE, jwksUri());
    }

    void publish(JWK key) {
        published.add(key.toPublicJWK());
    }

    /** Answers the next fetches with {@code code} (and the same body). */
    void answer(int code) {
        status = code;
    }

    int fetches() {
        return fetches.get();
    }

    /** Claims of a good token at {@code now}: alice in oncall and payments-leads, valid ten minutes. */
    static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("00u1abc")
                .claim("preferred_username", "alice").claim("groups", List.of("oncall", "payments-leads"))
                .issueTime(Date.from(now.minusSeconds(10))).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    static String rs256(RSAKey key, JWTClaimsSet claims) {
        return sign(rsaSigner(key), JWSAlgorithm.RS256, key.getKeyID(), claims);
    }

    static String es256(ECKey key, JWTClaimsSet claims) {
        try {
            return sign(new ECDSASigner(key), JWSAlgorithm.ES256, key.getKeyID(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
