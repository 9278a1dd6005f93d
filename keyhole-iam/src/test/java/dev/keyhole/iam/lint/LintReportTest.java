package dev.keyhole.iam.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.iam.sarif.SarifSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placement (file:line), suppressions, size quotas and the SARIF 2.1.0 rendering. */
class LintReportTest {

    private static final PolicyLinter LINTER = PolicyLinter.standard();
    private static final String SCAN = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": ["dynamodb:Query", "dynamodb:Scan"],
                  "Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"
                }
              ]
            }
            """;

    @Test
    void findingsArePlacedAtTheLineAndColumnOfTheirPointer() {
        List<Located> found = Suppressions.none().locate("p.json", SCAN, LINTER.lint(SCAN, PolicyKind.MANAGED));
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.finding().check()).isEqualTo(Check.SCAN_ALLOWED);
            assertThat(l.finding().pointer()).isEqualTo("/Statement/0/Action/1");
            assertThat(l.line()).isEqualTo(6);
            assertThat(l.column()).isEqualTo(36);
        });
    }

    @Test
    void aJustifiedSuppressionSilencesItsFindingAndAnUnjustifiedOneIsAFinding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, """
                {"suppressions": [
                  {"check": "scan-allowed", "file": "p.json", "pointer": "/Statement/0", "justification": "nightly export"},
                  {"check": "wildcard-action"}
                ]}""");
        Suppressions s = Suppressions.read(file);
        LintReport report = new LintReport(concat(s.problems(),
                s.locate("p.json", SCAN, LINTER.lint(SCAN, PolicyKind.MANAGED))), 1);
        assertThat(report.findings()).extracting(l -> l.finding().check())
                .containsExactly(Check.SUPPRESSION_WITHOUT_JUSTIFICATION, Check.SCAN_ALLOWED);
        assertThat(report.findings().get(1).justification()).isEqualTo("nightly export");
        assertThat(report.findings().get(0).line()).isEqualTo(3);
        assertThat(report.fails(Severity.WARNING)).isTrue();
        assertThat(report.open()).isEqualTo(1);
        assertThat(report.text()).doesNotContain("scan-allowed").contains("1 suppressed");
    }

    @Test
    void aSuppressionForAnotherFileDoesNotApply() {
        Suppression s = new Suppression("scan-allowed", "other.json", null, "x");
        assertThat(s.covers("p.json", Finding.of(Check.SCAN_ALLOWED, "/Statement/0", "m"))).isFalse();
        assertThat(s.covers("dir/other.json", Finding.of(Check.SCAN_ALLOWED, "/Statement/0", "m"))).isTrue();
    }

    @Test
    void aSessionPolicyOverTwoThousandFortyEightCharactersIsTooLongButFitsAManagedPolicy() {
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            resources.append(i == 0 ? "" : ",").append("\"arn:aws:dynamodb:eu-west-1:111122223333:table/T").append(i).append('"');
        }
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:Query\","
                + "\"Resource\":[" + resources + "]}]}";
        assertThat(LINTER.lint(policy, PolicyKind.SESSION)).extracting(Finding::check).containsExactly(Check.POLICY_SIZE);
        assertThat(LINTER.lint(policy, PolicyKind.MANAGED)).isEmpty();
    }

    @Test
    void sarifOutputValidatesAgainstTheOfficialSarif210SchemaWithRulesResultsAndSuppressions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"suppressions\": [{\"check\": \"scan-allowed\", \"justification\": \"export job\"}]}");
        Suppressions s = Suppressions.read(file);
        String bad = SCAN.replace("\"Effect\": \"Allow\",", "\"Effect\": \"Allow\", \"Sid\": \"a b\",");
        LintReport report = new LintReport(concat(s.locate("dir with space/p.json", bad,
                LINTER.lint(bad, PolicyKind.MANAGED)), List.of()), 1);
        JsonNode sarif = SarifReport.write(report, "test");
        assertThat(SarifSchema.problems(sarif)).isEmpty();
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("invalid-sid");
        assertThat(results.get(1).get("suppressions").get(0).get("justification").asText()).isEqualTo("export job");
        assertThat(results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation")
                .get("uri").asText()).isEqualTo("dir%20with%20space/p.json");
        assertThat(sarif.get("runs").get(0).get("tool").get("driver").get("rules")).hasSize(Check.values().length);
    }

    @Test
    void theSchemaRejectsALogWithoutVersionOrWithAnUnknownLevel() throws Exception {
        JsonNode sarif = SarifReport.write(new LintReport(Suppressions.none().locate("p.json", SCAN,
                LINTER.lint(SCAN, PolicyKind.MANAGED)), 1), "test");
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertThat(SarifSchema.problems(sarif)).isNotEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "error");
        assertThat(SarifSchema.problems(sarif)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif).remove("version");
        assertThat(SarifSchema.problems(sarif)).isNotEmpty();
    }

    private static List<Located> concat(List<Located> a, List<Located> b) {
        List<Located> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
