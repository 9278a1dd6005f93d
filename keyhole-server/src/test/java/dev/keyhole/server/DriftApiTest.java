package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.drift.trail.TrailLocation;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.ManualClock;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.server.drift.DriftService;
import dev.keyhole.server.drift.DriftSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift API over the demo: alice's runs through the server, the demo trail written beside them, the first
 * scheduled scan and unused-privileges report; then what the API says of them, who may start a scan, and the
 * schedule itself.
 */
class DriftApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningServer s;

    @BeforeAll
    static void start() throws Exception {
        s = new RunningServer();
        s.seedDrift();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Set<String> kinds(JsonNode findings) {
        Set<String> out = new TreeSet<>();
        findings.get("findings").forEach(f -> out.add(f.get("kind").asText()));
        return out;
    }

    @Test
    void theScheduledScanOfTheDemoTrailClassifiesEveryCallAsExpected() throws Exception {
        JsonNode r = json(s.get("/api/v1/drift/findings", "alice-token"));
        // alice's two runs match their audit records; everything else is drift
        assertThat(r.at("/counts/expected").asLong()).isEqualTo(2);
        assertThat(r.at("/counts/keyhole-session-unaudited").asLong()).isEqualTo(1);
        assertThat(r.at("/counts/keyhole-session-outside-record").asLong()).isZero();
        assertThat(r.at("/counts/keyhole-session-after-expiry").asLong()).isZero();
        assertThat(r.at("/counts/standing-access-runbook-work").asLong()).isEqualTo(3);
        assertThat(r.at("/counts/out-of-pattern").asLong()).isEqualTo(8);
        assertThat(kinds(r)).containsExactly("access-denied-burst", "keyhole-session-unaudited", "out-of-pattern", "scan",
                "standing-access-runbook-work");
        assertThat(r.get("highestSeverity").asText()).isEqualTo("critical");
        JsonNode leaked = r.get("findings").get(0);
        assertThat(leaked.get("kind").asText()).isEqualTo("keyhole-session-unaudited");
        assertThat(leaked.get("principal").asText()).endsWith("assumed-role/keyhole-exec/kh-leaked-session");
        assertThat(leaked.get("sourceIdentity").asText()).isEqualTo("mallory");
    }

    @Test
    void findingsFilterBySeverityAndByTime() throws Exception {
        JsonNode high = json(s.get("/api/v1/drift/findings?severity=high", "alice-token"));
        assertThat(kinds(high)).containsExactly("access-denied-burst", "keyhole-session-unaudited", "out-of-pattern");
        high.get("findings").forEach(f -> assertThat(f.get("severity").asText()).isIn("high", "critical"));
        JsonNode recent = json(s.get("/api/v1/drift/findings?since=PT90M", "alice-token"));
        assertThat(kinds(recent)).containsExactly("standing-access-runbook-work");
        assertThat(s.get("/api/v1/drift/findings?severity=urgent", "alice-token").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/v1/drift/findings?since=yesterday", "alice-token").statusCode()).isEqualTo(400);
    }

    @Test
    void theUnusedReportComparesTheDemoAccountsGrantsWithTheTrail() throws Exception {
        JsonNode r = json(s.get("/api/v1/drift/unused", "alice-token"));
        assertThat(r.get("madeAt").asText()).isNotEmpty();
        JsonNode orders = principal(r, "arn:aws:iam::000000000000:role/orders-service");
        assertThat(texts(orders.get("used"))).containsExactly("dynamodb:Query");
        assertThat(texts(orders.get("unused"))).contains("dynamodb:DeleteItem", "dynamodb:Scan").doesNotContain("dynamodb:Query");
        JsonNode billing = principal(r, "arn:aws:iam::000000000000:role/billing-batch");
        assertThat(texts(billing.get("unused"))).containsExactly("dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem");
        assertThat(r.get("proposals")).isNotEmpty();
    }

    private static JsonNode principal(JsonNode report, String arn) {
        for (JsonNode p : report.get("principals")) {
            if (p.get("arn").asText().equals(arn)) {
                return p;
            }
        }
        throw new AssertionError("no principal " + arn + " in " + report);
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void onlyMembersOfTriggeredByMayStartAScanAndBothAnswersAreAudited() throws Exception {
        HttpResponse<String> refused = s.post("/api/v1/drift/scan", "alice-token", "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("`security`");
        JsonNode aliceRecords = json(s.get("/api/v1/audit?principal=alice&limit=1000", "alice-token")).get("records");
        assertThat(aliceRecords).anySatisfy(rec -> {
            assertThat(rec.get("type").asText()).isEqualTo("refused");
            assertThat(rec.get("reason").asText()).startsWith("drift scan: ");
        });

        JsonNode scan = json(s.post("/api/v1/drift/scan", "dan-token", ""));
        assertThat(scan.get("scannedBy").asText()).isEqualTo("dan");
        assertThat(scan.at("/counts/keyhole-session-unaudited").asLong()).isEqualTo(1);
        assertThat(json(s.get("/api/v1/drift/findings", "alice-token")).get("scannedBy").asText()).isEqualTo("dan");
        JsonNode danRecords = json(s.get("/api/v1/audit?principal=dan&limit=1000", "dan-token")).get("records");
        assertThat(danRecords).anySatisfy(rec -> {
            assertThat(rec.get("type").asText()).isEqualTo("drift");
            assertThat(rec.get("outcome").asText()).isEqualTo("scanned");
            assertThat(rec.get("findings").asInt()).isEqualTo(scan.get("findings").size());
        });
    }

    @Test
    void withoutSigningInEveryDriftRouteAnswers401() throws Exception {
        assertThat(s.get("/api/v1/drift/findings", null).statusCode()).isEqualTo(401);
        assertThat(s.get("/api/v1/drift/unused", null).statusCode()).isEqualTo(401);
        assertThat(s.post("/api/v1/drift/scan", null, "").statusCode()).isEqualTo(401);
        assertThat(s.post("/api/v1/drift/scan", "not-a-token", "").statusCode()).isEqualTo(401);
    }

    /** "Server mode runs the report weekly" (issue #8), on a clock the test moves: nothing sleeps. */
    @Test
    void scansHourlyAndMakesTheUnusedReportAtStartThenWeekly() {
        ManualClock clock = new ManualClock(Instant.now());
        DriftService drift = new DriftService(s.drift.settings(), servicesAt(clock),
                new PrintStream(java.io.OutputStream.nullOutputStream()));
        Instant t0 = clock.instant();

        drift.tick();
        assertThat(drift.lastScan().orElseThrow().at()).isEqualTo(t0);
        assertThat(drift.lastUnused().orElseThrow().at()).isEqualTo(t0);

        clock.move(Duration.ofMinutes(59));
        drift.tick();
        assertThat(drift.lastScan().orElseThrow().at()).as("not due before the hour").isEqualTo(t0);

        clock.move(Duration.ofMinutes(1));
        drift.tick();
        assertThat(drift.lastScan().orElseThrow().at()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(drift.lastUnused().orElseThrow().at()).as("the report waits a week").isEqualTo(t0);

        clock.move(Duration.ofDays(7).minusHours(2));
        drift.tick();
        assertThat(drift.lastUnused().orElseThrow().at()).isEqualTo(t0);

        clock.move(Duration.ofHours(1));
        drift.tick();
        Instant week = t0.plus(Duration.ofDays(7));
        assertThat(drift.lastUnused().orElseThrow().at()).isEqualTo(week);
        assertThat(drift.lastScan().orElseThrow().at()).isEqualTo(week);
        assertThat(drift.lastFailure()).isEmpty();
    }

    /** The demo server's services on {@code clock}. */
    private static Services servicesAt(ManualClock clock) {
        Services real = s.world.services();
        return new Services(real.runbooks(), real.people(), real.executor(), real.grants(), real.authorizer(),
                real.audit(), real.auditKeys(), real.authenticator(), clock, real.metrics());
    }

    @Test
    void aFailedReportIsKeptAndLoggedTheScanStillRunsAndTheNextReportClearsIt(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path authz = dir.resolve("authorization-details.json");
        DriftService drift = new DriftService(s.drift.settings().withAuthz(authz), servicesAt(clock), new PrintStream(log, true));

        drift.tick();
        assertThat(drift.lastScan()).isPresent();
        assertThat(drift.lastUnused()).isEmpty();
        assertThat(drift.lastFailure().orElseThrow().what()).isEqualTo("unused");
        assertThat(log.toString()).contains("\"level\":\"warn\"").contains("drift unused failed");

        Files.copy(s.drift.settings().authz(), authz);
        clock.move(Duration.ofDays(7));
        drift.tick();
        assertThat(drift.lastUnused()).isPresent();
        assertThat(drift.lastFailure()).isEmpty();
    }

    @Test
    void aRequestedScanThatFailsAnswers502AndIsAuditedAsFailed(@TempDir Path dir) throws Exception {
        Path trail = Files.createDirectories(dir.resolve("trail"));
        DriftService drift = new DriftService(DriftSettings.of(TrailLocation.of(trail.toString(), null, null))
                .withTriggeredBy(Set.of("security")), s.world.services(), new PrintStream(java.io.OutputStream.nullOutputStream()));
        Files.delete(trail);
        assertThatThrownBy(() -> drift.scanNow(new Caller("dan", Set.of("security")), "drift-fails-1"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("neither a directory nor a file");
        assertThat(drift.lastFailure().orElseThrow().what()).isEqualTo("scan");
        var records = s.audit.store().search(new AuditQuery("drift-fails-1", null, null, null, null, null, null, 10));
        assertThat(records).singleElement().satisfies(rec -> {
            assertThat(rec.event().type()).isEqualTo(AuditEvent.Type.DRIFT);
            assertThat(rec.event().get(AuditEvent.Field.OUTCOME)).isEqualTo("failed");
        });
    }
}
