package dev.keyhole.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    private Database db;
    private Instant now = Instant.parse("2026-11-25T08:00:00Z");
    private ApiTokens tokens;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = Database.sqlite(dir.resolve("keyhole.db"));
        tokens = new ApiTokens(db, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCreatedTokenAuthenticatesItsUserAndOnlyItsHashIsStored() throws Exception {
        ApiTokens.Issued t = tokens.create("alice", "laptop", Duration.ofDays(90));
        assertThat(t.token()).matches("kh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(tokens.authenticate(t.token())).hasValue("alice");
        String secret = t.token().substring("kh_".length() + 12 + 1); // the secret may itself hold `_`
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM api_token")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i))).doesNotContain(secret).doesNotContain(t.token());
                }
            }
        }
        assertThat(tokens.list("alice")).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("laptop");
            assertThat(i.toString()).doesNotContain(secret);
        });
    }

    @Test
    void aTamperedExpiredOrRevokedTokenStandsForNobody() {
        ApiTokens.Issued t = tokens.create("bob", "ci", Duration.ofHours(1));
        String last = t.token().substring(t.token().length() - 1);
        String tampered = t.token().substring(0, t.token().length() - 1) + (last.equals("A") ? "B" : "A");
        assertThat(tokens.authenticate(tampered)).isEmpty();
        assertThat(tokens.authenticate("kh_nonsense")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        now = now.plus(Duration.ofHours(1));
        assertThat(tokens.authenticate(t.token())).isEmpty();
        ApiTokens.Issued u = tokens.create("bob", "ci-2", Duration.ofHours(1));
        assertThat(tokens.authenticate(u.token())).hasValue("bob");
        assertThat(tokens.revoke(u.info().id())).isTrue();
        assertThat(tokens.revoke(u.info().id())).isFalse();
        assertThat(tokens.authenticate(u.token())).isEmpty();
    }
}
