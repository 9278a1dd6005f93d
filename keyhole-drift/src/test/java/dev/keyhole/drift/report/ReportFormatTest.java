package dev.keyhole.drift.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.drift.Fixtures;
import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.classify.Finding;
import dev.keyhole.drift.classify.Kind;
import dev.keyhole.drift.trail.ScanStats;
import dev.keyhole.iam.sarif.SarifSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatTest {

    @TempDir
    Path dir;

    DriftReport report;

    @BeforeEach
    void scan() throws IOException {
        report = Fixtures.scenarioReport(dir);
    }

    private static String write(ReportFormat f, DriftReport r) throws IOException {
        StringWriter w = new StringWriter();
        f.write(r, w);
        return w.toString();
    }

    @Test
    void theTableShowsCountsAndOneRowPerFinding() throws IOException {
        String table = write(ReportFormat.TABLE, report);
        assertThat(table).contains("out-of-pattern", "keyhole-session-unaudited", "critical", "4 files");
        assertThat(table.lines().filter(l -> l.startsWith("critical ") || l.startsWith("high ") || l.startsWith("medium ")
                || l.startsWith("low ")).count()).isEqualTo(report.findings().size());
    }

    @Test
    void jsonCarriesCountsFindingsAndTheHighestSeverity() throws IOException {
        JsonNode json = new ObjectMapper().readTree(write(ReportFormat.JSON, report));
        assertThat(json.path("counts").path("expected").asLong()).isEqualTo(4);
        assertThat(json.path("highestSeverity").asText()).isEqualTo("critical");
        assertThat(json.path("findings")).hasSize(report.findings().size());
        assertThat(json.path("scan").path("duplicates").asLong()).isEqualTo(1);
    }

    @Test
    void sarifValidatesAgainstTheOfficialSarif210SchemaWithOneRulePerKindAndResultsWithLevels() throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(write(ReportFormat.SARIF, report));
        assertThat(SarifSchema.problems(sarif)).isEmpty();
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(Kind.values().length - 1);
        JsonNode unaudited = null;
        for (JsonNode r : run.path("results")) {
            if (r.path("ruleId").asText().equals("keyhole-session-unaudited")) {
                unaudited = r;
            }
        }
        assertThat(unaudited).isNotNull();
        assertThat(unaudited.path("level").asText()).isEqualTo("error");
        assertThat(unaudited.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName").asText())
                .isEqualTo("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
    }

    @Test
    void htmlIsSelfContainedAndEscapesWhatCloudTrailSays() throws IOException {
        Finding evil = new Finding(Kind.OUT_OF_PATTERN, "arn:aws:iam::1:user/<script>alert(1)</script>", null,
                "dynamodb:Query", "*", "eu-west-1", 1, Instant.EPOCH, Instant.EPOCH, List.of("e"), "r");
        DriftReport r = new DriftReport("src", null, null, new ScanStats(1, 1, 1, 0, 0, List.of()), Map.of("out-of-pattern", 1L),
                List.of(evil));

        String html = write(ReportFormat.HTML, r);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;script&gt;").doesNotContain("<script")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
    }
}
