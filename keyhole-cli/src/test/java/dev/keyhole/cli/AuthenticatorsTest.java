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
import com.sun.net.httpserver.SimpleFileServer;
import dev.keyhole.cli.config.Authenticators;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.identity.ApiTokens;
import dev.keyhole.gateway.identity.AuthenticationException;
import dev.keyhole.gateway.identity.Authenticator;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.server.ApiError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-mode authenticator keyhole.yaml describes: users and groups as the file says now, OIDC when configured. */
class AuthenticatorsTest {

    @TempDir
    Path dir;
    private Path config;
    private Database db;
    private int edits;

    @BeforeEach
    void open() {
        config = dir.resolve("keyhole.yaml");
        db = Database.sqlite(dir.resolve("state.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Writes keyhole.yaml with {@code body}, stamped a minute later than the last version so the change is seen. */
    private void write(String body) throws IOException {
        Files.writeString(config, body);
        Files.setLastModifiedTime(config, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * ++edits)));
    }

    private Authenticator authenticator() throws IOException {
        return Authenticators.from(KeyholeConfig.load(config), db, Clock.systemUTC());
    }

    private String tokenFor(String user) {
        return new ApiTokens(db, Clock.systemUTC()).create(user, "test", Duration.ofHours(1)).token();
    }

    @Test
    void anApiTokensGroupsAreWhatKeyholeYamlSaysNow() throws Exception {
        write("users:\n  alice: {groups: [oncall, support]}\n");
        Authenticator auth = authenticator();
        String token = tokenFor("alice");
        assertThat(auth.authenticate("Bearer " + token)).isEqualTo(new Caller("alice", Set.of("oncall", "support")));
        write("users:\n  alice: {groups: [support]}\n");
        assertThat(auth.authenticate("Bearer " + token).groups()).containsExactly("support");
        write("users:\n  bob: {groups: [oncall]}\n");
        assertThatThrownBy(() -> auth.authenticate("Bearer " + token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("no longer a keyhole user");
    }

    @Test
    void aKeyholeYamlThatNoLongerParsesLeavesTheLastGoodUsersInForce() throws Exception {
        write("users:\n  alice: {groups: [oncall]}\n");
        Authenticator auth = authenticator();
        String token = tokenFor("alice");
        write("users: [unclosed\n");
        assertThat(auth.authenticate(token).groups()).containsExactly("oncall");
    }

    @Test
    void withoutAnOidcSectionAJwtIsRefusedSayingSo() throws Exception {
        write("users: {}\n");
        assertThatThrownBy(() -> authenticator().authenticate("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
                .hasMessageContaining("OpenID Connect is not configured");
    }

    @Test
    void withAnOidcSectionTheIssuersTokensAreAccepted() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path published = Files.createDirectory(dir.resolve("idp"));
        Files.writeString(published.resolve("keys"), new JWKSet(key.toPublicJWK()).toString());
        HttpServer jwks = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                published.toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        jwks.start();
        try {
            write("users: {}\noidc:\n  issuer: https://idp.example.com\n  audience: keyhole\n  groupsClaim: roles\n"
                    + "  jwksUri: http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys\n");
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                    new JWTClaimsSet.Builder().issuer("https://idp.example.com").audience("keyhole").subject("u-1")
                            .claim("preferred_username", "erin").claim("roles", List.of("dba"))
                            .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
            jwt.sign(new RSASSASigner(key));
            assertThat(authenticator().authenticate("Bearer " + jwt.serialize())).isEqualTo(new Caller("erin", Set.of("dba")));
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void aFaultyOidcSectionStopsTheAuthenticatorBeingBuilt() throws Exception {
        write("oidc:\n  issuer: https://idp.example.com\n  audience: keyhole\n  jwksUri: http://idp.example.com/keys\n");
        assertThatThrownBy(this::authenticator).isInstanceOf(IOException.class).hasMessageContaining("must use https");
    }

    @Test
    void forTheServerARefusalIsA401WithItsReason() throws Exception {
        write("users: {}\n");
        var server = Authenticators.forServer(authenticator());
        assertThatThrownBy(() -> server.authenticate("kh_nonsense")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("malformed");
        });
    }

    @Test
    void theStateDatabaseKeyholeYamlNamesIsOpenedWhenNoneIsGiven() throws Exception {
        write("users:\n  alice: {groups: [oncall]}\naudit:\n  path: " + dir.resolve("own.db") + "\n");
        Authenticator auth = Authenticators.from(KeyholeConfig.load(config), Clock.systemUTC());
        try (Database own = Database.sqlite(dir.resolve("own.db"))) {
            String token = new ApiTokens(own, Clock.systemUTC()).create("alice", "t", Duration.ofHours(1)).token();
            assertThat(auth.authenticate(token).name()).isEqualTo("alice");
        }
    }
}
