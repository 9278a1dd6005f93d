package dev.keyhole.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.ManualClock;
import dev.keyhole.gateway.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One header in, one caller out: API tokens with today's groups, OpenID Connect tokens with their own. */
class AuthenticatorTest {

    private final ManualClock clock = new ManualClock(ApiTokensContract.START);
    private final Map<String, Set<String>> users = new ConcurrentHashMap<>(Map.of("alice", Set.of("oncall")));
    private Database db;
    private ApiTokens tokens;
    private TestIssuer issuer;

    @BeforeEach
    void start(@TempDir Path dir) {
        db = Database.sqlite(dir.resolve("keyhole.db"));
        tokens = new ApiTokens(db, clock);
        issuer = new TestIssuer();
    }

    @AfterEach
    void stop() {
        issuer.close();
        db.close();
    }

    private Authenticator withOidc() {
        return new Authenticator(tokens, users::get, new OidcVerifier(issuer.settings(), clock));
    }

    @Test
    void anApiTokenStandsForItsUserWithTheGroupsTheyHaveNow() {
        String token = tokens.create("alice", "laptop", Duration.ofDays(1)).token();
        Authenticator auth = new Authenticator(tokens, users::get);
        assertThat(auth.authenticate("Bearer " + token)).isEqualTo(new Caller("alice", Set.of("oncall")));
        users.put("alice", Set.of("support"));
        assertThat(auth.authenticate("Bearer " + token).groups()).containsExactly("support");
    }

    @Test
    void aValidApiTokenOfSomeoneNoLongerKnownIsRefused() {
        String token = tokens.create("alice", "laptop", Duration.ofDays(1)).token();
        users.remove("alice");
        assertThatThrownBy(() -> new Authenticator(tokens, users::get).authenticate("Bearer " + token))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("the api token belongs to `alice`, who is no longer a keyhole user");
    }

    @Test
    void aRevokedApiTokenIsRefusedWithItsReason() {
        ApiTokens.Issued t = tokens.create("alice", "laptop", Duration.ofDays(1));
        tokens.revoke(t.info().id());
        assertThatThrownBy(() -> withOidc().authenticate("Bearer " + t.token())).hasMessageContaining("was revoked");
    }

    @Test
    void aJwtGoesToOpenIdConnectWithTheTokensOwnGroups() {
        String jwt = TestIssuer.rs256(TestIssuer.RSA, TestIssuer.claims(clock.instant()).build());
        assertThat(withOidc().authenticate("Bearer " + jwt))
                .isEqualTo(new Caller("alice", Set.of("oncall", "payments-leads")));
    }

    @Test
    void withoutOpenIdConnectAJwtIsRefusedSayingSo() {
        String jwt = TestIssuer.rs256(TestIssuer.RSA, TestIssuer.claims(clock.instant()).build());
        assertThatThrownBy(() -> new Authenticator(tokens, users::get).authenticate("Bearer " + jwt))
                .hasMessageStartingWith("only keyhole api tokens (`kh_...`) are accepted here: OpenID Connect is not configured");
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndABareTokenIsAccepted() {
        String token = tokens.create("alice", "laptop", Duration.ofDays(1)).token();
        Authenticator auth = withOidc();
        assertThat(auth.authenticate("bearer " + token).name()).isEqualTo("alice");
        assertThat(auth.authenticate("BEARER   " + token + " ").name()).isEqualTo("alice");
        assertThat(auth.authenticate(token).name()).isEqualTo("alice");
    }

    @Test
    void missingCredentialsAndOtherSchemesAreRefusedWithoutEchoingThem() {
        Authenticator auth = withOidc();
        assertThatThrownBy(() -> auth.authenticate(null)).hasMessageStartingWith("no credentials were presented");
        assertThatThrownBy(() -> auth.authenticate("Bearer ")).hasMessageStartingWith("the bearer token is empty");
        assertThatThrownBy(() -> auth.authenticate("Basic YWxpY2U6aHVudGVyMg=="))
                .hasMessageStartingWith("only bearer tokens are accepted, not the `Basic` scheme")
                .hasMessageNotContaining("YWxpY2U6aHVudGVyMg");
    }
}
