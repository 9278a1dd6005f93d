package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.gateway.identity.ApiTokens;
import dev.keyhole.gateway.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `keyhole tokens create|list|revoke`: exit codes, a token shown once, and never a secret in a listing. */
class TokensCliTest {

    @TempDir
    Path dir;
    private Path config;
    private Path db;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("keyhole.yaml");
        db = dir.resolve("state.db");
        Files.writeString(config, "users:\n  alice: {groups: [oncall]}\n  bob: {groups: []}\naudit:\n  path: " + db
                + "\n  signingKey: " + dir.resolve("audit.key") + "\n");
    }

    private CommandRun tokens(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "tokens";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return CommandRun.of(all);
    }

    private String create(String user) {
        CommandRun r = tokens("create", user);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        return r.out().strip();
    }

    private static String secretOf(String token) {
        return token.substring("kh_".length() + 13);
    }

    private String authenticate(String token) {
        try (Database d = Database.sqlite(db)) {
            return new ApiTokens(d, Clock.systemUTC()).authenticate(token).orElse(null);
        }
    }

    @Test
    void createPrintsOnlyTheTokenAndWarnsItWillNotBeShownAgain() {
        CommandRun r = tokens("create", "alice", "--name", "laptop", "--expires", "PT12H");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).matches("kh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}\\R");
        assertThat(r.err()).contains("will not be shown again").doesNotContain(secretOf(r.out().strip()));
        assertThat(authenticate(r.out().strip())).isEqualTo("alice");
    }

    @Test
    void createRefusesAUserKeyholeYamlDoesNotName() {
        CommandRun r = tokens("create", "mallory");
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("`mallory` is not a user in").contains("add it under `users:`");
        assertThat(db).as("nothing opened for a refused command").doesNotExist();
    }

    @Test
    void createRefusesAnExpiryThatIsNotAPositiveDurationOfAtMostAYear() {
        assertThat(tokens("create", "alice", "--expires", "PT0S").exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(tokens("create", "alice", "--expires", "P400D").exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(tokens("create", "alice", "--expires", "soon").exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(tokens("create", "alice", "--name", " ").exit()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void listShowsEveryTokenButNeverASecret() {
        String alices = create("alice");
        String bobs = create("bob");
        CommandRun r = tokens("list");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("ID ").contains(alices.substring(3, 15), bobs.substring(3, 15), "ACTIVE");
        assertThat(r.all()).doesNotContain(secretOf(alices), secretOf(bobs));
        assertThat(tokens("list", "bob").out()).contains(bobs.substring(3, 15)).doesNotContain(alices.substring(3, 15));
    }

    @Test
    void listAsJsonGivesFieldsAndNeverASecret() throws Exception {
        String token = create("alice");
        CommandRun r = tokens("list", "-o", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.all()).doesNotContain(secretOf(token));
        JsonNode only = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(only.get("id").asText()).isEqualTo(token.substring(3, 15));
        assertThat(only.get("user").asText()).isEqualTo("alice");
        assertThat(only.get("status").asText()).isEqualTo("active");
        assertThat(only.get("revoked").isNull()).isTrue();
        assertThat(only.size()).isEqualTo(7);
    }

    @Test
    void listShowsExpiredTokensAsExpired() {
        try (Database d = Database.sqlite(db)) {
            new ApiTokens(d, Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC))
                    .create("alice", "old", Duration.ofDays(1));
        }
        assertThat(tokens("list").out()).contains("EXPIRED");
    }

    @Test
    void listRefusesAnUnknownOutputFormat() {
        CommandRun r = tokens("list", "-o", "xml");
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--output must be table or json");
    }

    @Test
    void aRevokedTokenStandsForNobodyAndShowsAsRevoked() {
        String token = create("alice");
        String id = token.substring(3, 15);
        CommandRun r = tokens("revoke", id);
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("revoked " + id + System.lineSeparator());
        assertThat(authenticate(token)).isNull();
        assertThat(tokens("list", "alice").out()).contains("REVOKED");
    }

    @Test
    void revokingAnUnknownOrRevokedTokenIsInvalidInput() {
        String id = create("alice").substring(3, 15);
        assertThat(tokens("revoke", id).exit()).isEqualTo(ExitCode.OK);
        assertThat(tokens("revoke", id).exit()).isEqualTo(ExitCode.INVALID_INPUT);
        CommandRun unknown = tokens("revoke", "ABCDEFGHJKLM");
        assertThat(unknown.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(unknown.err()).contains("no unrevoked token `ABCDEFGHJKLM`");
    }
}
