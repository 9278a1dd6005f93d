package dev.keyhole.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String TOKEN = "kh_AbCdEfGhJkMn_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private static final String AWS_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final String MINTED_SECRET = "Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789ABCD";

    @Test
    void aPastedApiTokenKeepsOnlyItsId() {
        assertThat(Redaction.redact("`" + TOKEN + "` is neither an instant nor a duration"))
                .isEqualTo("`kh_AbCdEfGhJkMn_…` is neither an instant nor a duration");
    }

    @Test
    void secretKeysAndSessionTokensAreRedacted() {
        assertThat(Redaction.redact("secret=" + MINTED_SECRET + ";")).isEqualTo("secret=[redacted];");
        String sessionToken = "IQoJb3JpZ2luX2VjE" + "A".repeat(100) + "+/x==";
        assertThat(Redaction.redact("token " + sessionToken)).isEqualTo("token [redacted]");
        assertThat(Redaction.redact("x " + AWS_SECRET + " y")).isEqualTo("x [redacted] y");
    }

    @Test
    void hashesIdsArnsAndOrdinaryTextStay() {
        String text = "runbook orders-by-customer version 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                + " commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 session 0192f3a4-5b6c-7d8e-9f00-112233445566"
                + " role arn:aws:iam::111122223333:role/keyhole-exec key ASIAABCDEFGHIJKLMNOP customerId C-1001";
        assertThat(Redaction.redact(text)).isSameAs(text);
        assertThat(Redaction.redact("short")).isEqualTo("short");
        assertThat(Redaction.redact(null)).isNull();
    }

    @Test
    void auditRecordsNeverKeepAPastedSecret() {
        AuditEvent e = AuditEvent.of(AuditEvent.Type.REFUSED, "c-1", Instant.EPOCH, "alice")
                .with(AuditEvent.Field.TICKET, TOKEN)
                .with(AuditEvent.Field.PARAMETERS, Map.of("customerId", MINTED_SECRET))
                .with(AuditEvent.Field.REASON, "bad-parameters: `" + TOKEN + "` does not match").build();
        assertThat(e.get(AuditEvent.Field.TICKET)).isEqualTo("kh_AbCdEfGhJkMn_…");
        assertThat(e.get(AuditEvent.Field.PARAMETERS)).isEqualTo(Map.of("customerId", "[redacted]"));
        assertThat(e.get(AuditEvent.Field.REASON).toString()).doesNotContain(TOKEN);
    }

    @Test
    void theOnePassPrefilterNeverLetsThroughWhatTheExpressionWouldRedact() {
        // Text made of the shapes the expression looks for, their near misses (runs one longer or shorter,
        // neighbours that extend a run) and ordinary ids, joined by every kind of separator.
        String[] parts = {TOKEN, AWS_SECRET, MINTED_SECRET, "kh_", "kh_AbCdEfGhJkMn_", "A".repeat(99), "A".repeat(100),
                "b".repeat(39), "Ab1".repeat(13) + "c2", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "ASIAABCDEFGHIJKLMNOP", "C-1001", "x", "==", "/", "+", "Z9"};
        String[] separators = {"", " ", "=", "-", "_", "/", "+", ":", "`", "é", "\n"};
        java.util.Random random = new java.util.Random(20261208);
        int redacted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                text.append(separators[random.nextInt(separators.length)]).append(parts[random.nextInt(parts.length)]);
            }
            String t = text.toString();
            String expected = t.length() < 40 ? t : Redaction.redactByExpression(t);
            assertThat(Redaction.redact(t)).as("for %s", t).isEqualTo(expected);
            redacted += expected.equals(t) ? 0 : 1;
        }
        assertThat(redacted).as("generated texts that held a secret").isGreaterThan(5_000);
    }
}
