package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyhole policy lint} and {@code keyhole runbooks lint}: output formats, thresholds and exit codes. */
class PolicyLintCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCAN = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:Scan",
              "Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"}]}
            """;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void aWarningFailsByDefaultAndPassesWhenOnlySecurityAndWorseFail(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("scan.json"), SCAN);
        CommandRun strict = run("policy", "lint", p.toString());
        assertThat(strict.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(strict.out()).contains("scan.json:1:61: warning scan-allowed:");
        CommandRun lenient = run("policy", "lint", "--fail-on", "security", p.toString());
        assertThat(lenient.exit()).isEqualTo(ExitCode.OK);
    }

    @Test
    void jsonOutputListsEachFindingWithItsPointerAndFix(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("scan.json"), SCAN);
        CommandRun r = run("policy", "lint", "--format", "json", p.toString());
        JsonNode f = JSON.readTree(r.out()).get("findings").get(0);
        assertThat(f.get("check").asText()).isEqualTo("scan-allowed");
        assertThat(f.get("pointer").asText()).isEqualTo("/Statement/0/Action");
        assertThat(f.get("fix").asText()).isNotBlank();
    }

    @Test
    void sarifOutputIsALogWithOneRunAndTheResults(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("scan.json"), SCAN);
        JsonNode log = JSON.readTree(run("policy", "lint", "--format", "sarif", p.toString()).out());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs").get(0).get("results").get(0).get("level").asText()).isEqualTo("warning");
    }

    @Test
    void aSessionPolicyIsHeldToItsOwnKindAndAMissingFileIsInvalidInput(@TempDir Path dir) throws Exception {
        Path trust = Files.writeString(dir.resolve("t.json"), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},
                 "Action":"sts:AssumeRole"}]}""");
        assertThat(run("policy", "lint", "--kind", "trust", trust.toString()).exit()).isEqualTo(ExitCode.OK);
        assertThat(run("policy", "lint", "--kind", "session", trust.toString()).out()).contains("element-for-policy-kind");
        assertThat(run("policy", "lint", dir.resolve("nope.json").toString()).exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("policy", "lint", "--kind", "weird", trust.toString()).exit()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void listChecksPrintsEveryCheckWithItsSeverity() {
        CommandRun r = run("policy", "lint", "--list-checks");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("forallvalues-fails-open\tsecurity").contains("redundant-statement\tsuggestion");
    }

    @Test
    void everyShippedRunbookCompilesToPoliciesWithNoFindings() {
        CommandRun r = run("runbooks", "lint", "--fail-on", "suggestion", "../examples/runbooks");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("compiled policies: no findings");
    }

    @Test
    void aRunbookWhoseRolePolicyAllowsScanIsReportedAtItsFile(@TempDir Path dir) throws Exception {
        String orders = Files.readString(Paths.get("../examples/runbooks/orders-by-customer.yaml"));
        assertThat(orders).contains("queries:");
        Files.writeString(dir.resolve("orders.yaml"), orders.replace("queries:\n", """
                queries:
                  everything:
                    operation: Scan
                    projection: [orderId]
                """));
        CommandRun r = run("runbooks", "lint", dir.toString());
        List<String> lines = new ArrayList<>(r.out().lines().toList());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(lines).anyMatch(l -> l.startsWith(dir.resolve("orders.yaml") + ":1:1: warning scan-allowed: role policy:"));
    }

    @Test
    void theDocsListEveryCheckWithItsSeverity() throws Exception {
        String docs = Files.readString(Paths.get("../docs/policy-lint.md"));
        for (dev.keyhole.iam.lint.Check c : dev.keyhole.iam.lint.Check.values()) {
            assertThat(docs).contains("| `" + c.id() + "` | " + c.severity().label() + " |");
        }
    }
}
