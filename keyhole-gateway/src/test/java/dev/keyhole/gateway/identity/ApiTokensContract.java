package dev.keyhole.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.ManualClock;
import dev.keyhole.gateway.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What API tokens promise, in whichever database keyhole keeps its state; subclasses say which. */
abstract class ApiTokensContract {

    static final java.time.Instant START = java.time.Instant.parse("2026-11-25T08:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private Database db;
    private ApiTokens tokens;

    /** A new, empty state database. */
    abstract Database open() throws Exception;

    @BeforeEach
    void start() throws Exception {
        db = open();
        tokens = new ApiTokens(db, clock);
    }

    @AfterEach
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static String secretOf(String token) {
        return token.substring("kh_".length() + 12 + 1); // the secret may itself hold `_`
    }

    @Test
    void aCreatedTokenAuthenticatesItsUser() {
        ApiTokens.Issued t = tokens.create("alice", "laptop", Duration.ofDays(90));
        assertThat(tokens.authenticate(t.token())).hasValue("alice");
        assertThat(t.info().expires()).isEqualTo(START.plus(Duration.ofDays(90)));
    }

    @Test
    void aTokenIsKhItsIdAndThirtyTwoRandomBytes() {
        ApiTokens.Issued a = tokens.create("alice", "laptop", Duration.ofDays(1));
        ApiTokens.Issued b = tokens.create("alice", "laptop", Duration.ofDays(1));
        assertThat(a.token()).matches("kh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}").startsWith("kh_" + a.info().id() + "_");
        assertThat(Base64.getUrlDecoder().decode(secretOf(a.token()))).hasSize(32);
        assertThat(a.info().id()).isNotEqualTo(b.info().id());
        assertThat(secretOf(a.token())).isNotEqualTo(secretOf(b.token()));
    }

    @Test
    void onlyAHashOfTheSecretIsStored() throws Exception {
        ApiTokens.Issued t = tokens.create("alice", "laptop", Duration.ofDays(90));
        List<String> stored = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM api_token")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    stored.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        assertThat(stored).isNotEmpty().noneMatch(v -> v.contains(secretOf(t.token())) || v.contains(t.token()));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secretOf(t.token()).getBytes(StandardCharsets.US_ASCII)));
        assertThat(stored).contains(sha);
    }

    @Test
    void anExpiredTokenStandsForNobody() {
        ApiTokens.Issued t = tokens.create("bob", "ci", Duration.ofHours(1));
        clock.move(Duration.ofHours(1).minusMillis(1));
        assertThat(tokens.authenticate(t.token())).hasValue("bob");
        clock.move(Duration.ofMillis(1));
        assertThat(tokens.authenticate(t.token())).isEmpty();
        assertThatThrownBy(() -> tokens.verify(t.token())).isInstanceOf(AuthenticationException.class)
                .hasMessage("the api token `" + t.info().id() + "` expired at 2026-11-25T09:00:00Z; create a new one with "
                        + "`keyhole tokens create bob`");
    }

    @Test
    void aRevokedTokenStandsForNobody() {
        ApiTokens.Issued t = tokens.create("bob", "ci", Duration.ofHours(1));
        ApiTokens.Issued other = tokens.create("bob", "ci-2", Duration.ofHours(1));
        clock.move(Duration.ofMinutes(5));
        assertThat(tokens.revoke(t.info().id())).isTrue();
        assertThat(tokens.authenticate(t.token())).isEmpty();
        assertThatThrownBy(() -> tokens.verify(t.token())).hasMessageContaining("was revoked at 2026-11-25T08:05:00Z");
        assertThat(tokens.authenticate(other.token())).as("only that token").hasValue("bob");
    }

    @Test
    void listSaysWhichTokensAreRevokedAndWhen() {
        ApiTokens.Issued kept = tokens.create("alice", "laptop", Duration.ofDays(1));
        ApiTokens.Issued gone = tokens.create("alice", "ci", Duration.ofDays(1));
        clock.move(Duration.ofMinutes(1));
        tokens.revoke(gone.info().id());
        assertThat(tokens.list("alice")).filteredOn(i -> i.id().equals(kept.info().id())).singleElement()
                .satisfies(i -> assertThat(i.revoked()).isNull());
        assertThat(tokens.list("alice")).filteredOn(i -> i.id().equals(gone.info().id())).singleElement()
                .satisfies(i -> assertThat(i.revoked()).isEqualTo(START.plus(Duration.ofMinutes(1))));
    }

    @Test
    void revokingTwiceOrRevokingNothingChangesNothing() {
        ApiTokens.Issued t = tokens.create("bob", "ci", Duration.ofHours(1));
        assertThat(tokens.revoke(t.info().id())).isTrue();
        assertThat(tokens.revoke(t.info().id())).isFalse();
        assertThat(tokens.revoke("ABCDEFGHJKLM")).isFalse();
    }

    @Test
    void aTamperedTokenStandsForNobody() {
        ApiTokens.Issued t = tokens.create("bob", "ci", Duration.ofHours(1));
        ApiTokens.Issued u = tokens.create("carol", "ci", Duration.ofHours(1));
        String last = t.token().substring(t.token().length() - 1);
        String flipped = t.token().substring(0, t.token().length() - 1) + (last.equals("A") ? "B" : "A");
        assertThat(tokens.authenticate(flipped)).isEmpty();
        String othersSecret = "kh_" + u.info().id() + "_" + secretOf(t.token());
        assertThat(tokens.authenticate(othersSecret)).isEmpty();
        assertThatThrownBy(() -> tokens.verify(flipped)).hasMessageStartingWith("the api token is unknown");
    }

    @Test
    void somethingNotShapedLikeATokenStandsForNobody() {
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("kh_nonsense")).isEmpty();
        assertThatThrownBy(() -> tokens.verify("kh_nonsense")).hasMessageContaining("malformed")
                .hasMessageNotContaining("nonsense");
    }

    @Test
    void listShowsTokensNewestFirstWithoutSecrets() {
        ApiTokens.Issued older = tokens.create("alice", "laptop", Duration.ofDays(1));
        clock.move(Duration.ofSeconds(1));
        ApiTokens.Issued newer = tokens.create("alice", "ci", Duration.ofDays(1));
        ApiTokens.Issued bobs = tokens.create("bob", "ci", Duration.ofDays(1));
        assertThat(tokens.list("alice")).extracting(ApiTokens.TokenInfo::id).containsExactly(newer.info().id(), older.info().id());
        assertThat(tokens.list(null)).hasSize(3);
        assertThat(tokens.list("nobody")).isEmpty();
        assertThat(tokens.list(null).toString()).doesNotContain(secretOf(older.token()), secretOf(newer.token()),
                secretOf(bobs.token()));
    }

    @Test
    void anIssuedTokenPrintsWithoutItsSecret() {
        ApiTokens.Issued t = tokens.create("alice", "laptop", Duration.ofDays(1));
        assertThat(t.toString()).contains(t.info().id()).doesNotContain(secretOf(t.token()));
    }

    @Test
    void aTokenNeedsAUserANameAndATimeToLive() {
        assertThatThrownBy(() -> tokens.create("alice", "laptop", Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> tokens.create(" ", "laptop", Duration.ofDays(1))).hasMessageContaining("needs a user");
        assertThatThrownBy(() -> tokens.create("alice", "x".repeat(65), Duration.ofDays(1))).hasMessageContaining("name");
    }
}
