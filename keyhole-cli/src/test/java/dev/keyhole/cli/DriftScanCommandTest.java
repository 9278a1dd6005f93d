package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.drift.classify.KeyholeSession;
import dev.keyhole.drift.generate.Scenario;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyhole drift scan} on the generated scenario, with a real SQLite audit store. */
class DriftScanCommandTest {

    @TempDir
    Path dir;

    Path trail;
    Path runbooks;
    Path audit;

    record Run(int exit, String out, String err) {}

    static Run keyhole(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        trail = dir.resolve("trail");
        runbooks = dir.resolve("runbooks");
        audit = dir.resolve("audit.db");
        Scenario.write(trail);
        Scenario.writeRunbooks(runbooks);
        List<AuditEvent> events = new ArrayList<>();
        for (KeyholeSession s : Scenario.sessions()) {
            events.add(AuditEvent.of(AuditEvent.Type.STARTED, s.correlationId(), s.started(), s.principal())
                    .with(AuditEvent.Field.RUNBOOK, s.runbook()).with(AuditEvent.Field.QUERY, s.query())
                    .with(AuditEvent.Field.SESSION_NAME, s.correlationId()).build());
            events.add(AuditEvent.of(AuditEvent.Type.FINISHED, s.correlationId(), s.started().plusSeconds(5), s.principal())
                    .with(AuditEvent.Field.OUTCOME, "ok").with(AuditEvent.Field.ACCESS_KEY_ID, s.accessKeyId()).build());
        }
        try (AuditStore store = AuditStore.sqlite(audit)) {
            store.append(events, new CheckpointPolicy(CheckpointSigner.generate(), 100, Duration.ofHours(1)), Clock.systemUTC());
        }
    }

    @Test
    void scanMatchesKeyholeSessionsToTheirAuditRecordsAndExitsFiveOnCriticalFindings() throws Exception {
        Run r = keyhole("drift", "scan", trail.toString(), "--runbooks", runbooks.toString(), "--audit", audit.toString(),
                "-o", "json", "--no-progress");

        assertThat(r.exit()).as(r.err()).isEqualTo(5);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("counts").path("expected").asLong()).isEqualTo(4);
        assertThat(json.path("counts").path("keyhole-session-unaudited").asLong()).isEqualTo(1);
        assertThat(json.path("counts").path("keyhole-session-outside-record").asLong()).isEqualTo(1);
        assertThat(json.path("highestSeverity").asText()).isEqualTo("critical");
    }

    @Test
    void withoutTheAuditLogEveryKeyholeSessionIsUnaudited() throws Exception {
        Run r = keyhole("drift", "scan", trail.toString(), "--runbooks", runbooks.toString(), "--no-audit", "-o", "json",
                "--no-progress");

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("counts").path("expected").asLong()).isZero();
        assertThat(json.path("counts").path("keyhole-session-unaudited").asLong()).isEqualTo(7);
    }

    @Test
    void failOnDecidesTheExitCodeAndOutWritesTheReportToAFile() throws Exception {
        Path sarif = dir.resolve("drift.sarif");

        Run r = keyhole("drift", "scan", trail.toString(), "--runbooks", runbooks.toString(), "--audit", audit.toString(),
                "-o", "sarif", "--out", sarif.toString(), "--fail-on", "none", "--no-progress");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(sarif.toFile()).path("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void theWindowLeavesOutEventsBeforeSince() throws Exception {
        Run r = keyhole("drift", "scan", trail.toString(), "--runbooks", runbooks.toString(), "--audit", audit.toString(),
                "--since", "2026-11-20T12:00:00Z", "--until", "2026-11-21T00:00:00Z", "-o", "json", "--no-progress");

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("counts").path("expected").asLong()).isZero();
        assertThat(json.path("scan").path("outsideWindow").asLong()).isPositive();
    }

    @Test
    void aSourceThatDoesNotExistIsInvalidInput() {
        Run r = keyhole("drift", "scan", dir.resolve("nowhere").toString(), "--runbooks", runbooks.toString(), "--no-audit");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no CloudTrail at");
    }

    @Test
    void theTableIsTheDefaultOutput() throws Exception {
        Run r = keyhole("drift", "scan", trail.toString(), "--runbooks", runbooks.toString(), "--audit", audit.toString(),
                "--no-progress");

        assertThat(r.out()).contains("CLASSIFICATION", "standing-access-runbook-work", "access-denied-burst");
        assertThat(Files.exists(audit)).isTrue();
    }
}
