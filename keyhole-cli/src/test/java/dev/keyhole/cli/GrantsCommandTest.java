package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `keyhole grants` and `keyhole access` as people type them, each as the user `user.name` says. */
class GrantsCommandTest {

    private static Path config;

    @BeforeAll
    static void configure(@TempDir Path dir) throws Exception {
        config = dir.resolve("keyhole.yaml");
        Files.writeString(config, "runbooks: " + Path.of("../examples/runbooks").toAbsolutePath() + "\n"
                + "users:\n  alice: {groups: [oncall]}\n  dan: {groups: [security]}\n  mallory: {groups: [support]}\n"
                + "audit:\n  path: " + dir.resolve("keyhole.db") + "\n  signingKey: " + dir.resolve("audit.key") + "\n");
    }

    private record Run(int exit, String out, String err) {}

    private static synchronized Run as(String user, String... args) {
        String previous = System.getProperty("user.name");
        System.setProperty("user.name", user);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--config", config.toString())).toArray(String[]::new);
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setProperty("user.name", previous);
        }
    }

    @Test
    void anExceptionIsRequestedRefusedToItsRequesterApprovedBySecurityAndShownByWhoCan() throws Exception {
        Run req = as("mallory", "grants", "request", "payments-by-order", "--exception", "--ticket", "INC-5",
                "--reason", "sev2, payments on-call out", "--duration", "PT30M");
        assertThat(req.exit()).as(req.err()).isEqualTo(ExitCode.OK);
        String id = req.out().substring(0, req.out().indexOf(' '));
        assertThat(req.out()).contains("exception  pending  mallory → payments-by-order  ticket INC-5  approvals 0/1");

        Run self = as("mallory", "grants", "approve", id);
        assertThat(self.exit()).isEqualTo(ExitCode.DENIED);
        assertThat(self.err()).contains("cannot approve it");
        assertThat(as("alice", "grants", "approve", id).err()).contains("approvers are members of security");

        Run ok = as("dan", "grants", "approve", id);
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCode.OK);
        assertThat(ok.out()).contains("active").contains("(dan)  until ");

        Run who = as("alice", "access", "who-can", "payments-by-order");
        assertThat(who.out()).contains("mallory").contains("exception " + id + " until ")
                .contains("approved by dan for ticket INC-5").doesNotContain("alice");
        JsonNode matrix = new ObjectMapper().readTree(as("alice", "access", "what-can", "mallory", "-o", "json").out());
        assertThat(matrix.get("cells")).anySatisfy(c -> {
            assertThat(c.get("runbook").asText()).isEqualTo("payments-by-order");
            assertThat(c.get("allowed").asBoolean()).isTrue();
            assertThat(c.has("until")).isTrue();
        });

        assertThat(as("dan", "grants", "revoke", id, "--reason", "incident over").exit()).isEqualTo(ExitCode.OK);
        assertThat(as("alice", "access", "who-can", "payments-by-order").out()).doesNotContain("mallory");
        Run audit = as("dan", "audit", "search", "--correlation-id", id);
        assertThat(audit.out()).contains("requested").contains("approved").contains("activated").contains("revoked");
    }

    @Test
    void badInputIsInvalidAndChangesNothing() {
        Run tooLong = as("mallory", "grants", "request", "orders-by-customer", "--exception", "--ticket", "INC-5",
                "--reason", "x", "--duration", "PT9H");
        assertThat(tooLong.exit()).isEqualTo(ExitCode.DENIED);
        assertThat(tooLong.err()).contains("at most 4h");
        assertThat(as("mallory", "grants", "request", "no-such-runbook", "--reason", "x").exit())
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(as("dan", "grants", "list", "--requester", "mallory", "--runbook", "orders-by-customer").out()).isEmpty();
    }
}
