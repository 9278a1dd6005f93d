package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.cli.serve.IdentitiesProbe;
import dev.keyhole.gateway.Caller;
import dev.keyhole.server.ApiError;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload (e.g. a Kubernetes service account) presents its OIDC token to `keyhole serve`; with
 * `usernameClaim: sub` the subject is the principal runbooks name.
 */
class WorkloadOidcTest {

    @Test
    void aServiceAccountTokenBecomesItsSubjectAndAForeignOneIsRefused(@TempDir Path dir) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k8s-1").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/openid/v1/jwks", ex -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        try {
            Path config = dir.resolve("keyhole.yaml");
            Files.writeString(config, "oidc:\n  issuer: https://kubernetes.default.svc\n  audience: keyhole\n"
                    + "  jwksUri: http://127.0.0.1:" + jwks.getAddress().getPort() + "/openid/v1/jwks\n"
                    + "  usernameClaim: sub\n" + "audit:\n  path: " + dir.resolve("k.db") + "\n  signingKey: "
                    + dir.resolve("k.key") + "\n");
            var auth = IdentitiesProbe.authenticator(KeyholeConfig.load(config));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k8s-1").build(),
                    new JWTClaimsSet.Builder().issuer("https://kubernetes.default.svc").audience("keyhole")
                            .subject("system:serviceaccount:billing:worker")
                            .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            jwt.sign(new RSASSASigner(key));
            Caller c = auth.authenticate(jwt.serialize());
            assertThat(c.name()).isEqualTo("system:serviceaccount:billing:worker");
            RSAKey other = new RSAKeyGenerator(2048).keyID("k8s-1").generate();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k8s-1").build(),
                    jwt.getJWTClaimsSet());
            forged.sign(new RSASSASigner(other));
            assertThatThrownBy(() -> auth.authenticate(forged.serialize())).isInstanceOf(ApiError.class)
                    .hasMessageContaining("signature");
        } finally {
            jwks.stop(0);
        }
    }
}
