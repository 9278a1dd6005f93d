package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `keyhole tokens`: a token is shown once, never listed, and dead once revoked. */
class TokensCommandTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(Path config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--config", config.toString())).toArray(String[]::new);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void createListRevoke(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("keyhole.yaml");
        Files.writeString(config, "users:\n  alice: {groups: [oncall]}\naudit:\n  path: " + dir.resolve("k.db")
                + "\n  signingKey: " + dir.resolve("k.key") + "\n");
        Run created = run(config, "tokens", "create", "alice", "--name", "laptop", "--expires", "P30D");
        assertThat(created.exit()).as(created.err()).isEqualTo(ExitCode.OK);
        String token = created.out().strip();
        assertThat(token).startsWith("kh_");
        assertThat(created.err()).contains("will not be shown again");
        String id = token.substring(3, 15);
        Run listed = run(config, "tokens", "list");
        assertThat(listed.out()).contains(id).contains("alice").contains("laptop")
                .doesNotContain(token.substring(16));
        assertThat(run(config, "tokens", "create", "mallory").exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run(config, "tokens", "revoke", id).exit()).isEqualTo(ExitCode.OK);
        assertThat(run(config, "tokens", "list", "alice").out()).contains("REVOKED");
        assertThat(run(config, "tokens", "revoke", id).exit()).isEqualTo(ExitCode.INVALID_INPUT);
    }
}
