package dev.keyhole.drift.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.drift.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated day of CloudTrail, classified: one test per thing drift must tell apart. */
class ClassificationTest {

    @TempDir
    Path dir;

    DriftReport report;

    @BeforeEach
    void scan() throws IOException {
        report = Fixtures.scenarioReport(dir);
    }

    private List<Finding> of(Kind kind) {
        return report.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void keyholeRunsDoingWhatTheirRecordsSayAreExpectedAndRaiseNoFinding() {
        assertThat(report.counts().get("expected")).isEqualTo(4);
        assertThat(report.findings()).noneMatch(f -> f.eventIds().stream().anyMatch(id -> id.startsWith("expected")));
    }

    @Test
    void aKeyholeRoleSessionWithNoAuditRecordIsCritical() {
        assertThat(of(Kind.KEYHOLE_UNAUDITED)).singleElement().satisfies(f -> {
            assertThat(f.eventIds()).containsExactly("leaked-scan");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.sourceIdentity()).isEqualTo("mallory");
        });
    }

    @Test
    void aKeyholeSessionUsedAfterItsLifetimeIsCritical() {
        assertThat(of(Kind.KEYHOLE_AFTER_EXPIRY)).singleElement()
                .satisfies(f -> assertThat(f.eventIds()).containsExactly("after-expiry"));
    }

    @Test
    void aKeyholeSessionDoingWhatItsRunbookDoesNotIsCritical() {
        assertThat(of(Kind.KEYHOLE_OUTSIDE_RECORD)).singleElement().satisfies(f -> {
            assertThat(f.eventIds()).containsExactly("outside-record");
            assertThat(f.reason()).contains("customer-profile");
        });
    }

    @Test
    void standingAccessDoingRunbookWorkIsFoldedIntoOneLowFinding() {
        assertThat(of(Kind.STANDING_RUNBOOK_WORK)).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(5);
            assertThat(f.principal()).isEqualTo("arn:aws:iam::111122223333:role/orders-service");
            assertThat(f.reason()).contains("orders-by-customer/recent");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
        });
    }

    @Test
    void callsNoRunbookExplainsAreOutOfPattern() {
        assertThat(report.counts().get("out-of-pattern")).isEqualTo(11);
        assertThat(of(Kind.OUT_OF_PATTERN)).extracting(Finding::action).contains("dynamodb:UpdateItem",
                "dynamodb:PartiQLSelect", "dynamodb:Scan", "dynamodb:Query");
    }

    @Test
    void scansAreCalledOutWhoeverRanThem() {
        assertThat(of(Kind.SCAN)).extracting(f -> f.eventIds().get(0)).containsExactlyInAnyOrder("leaked-scan", "analyst-scan");
    }

    @Test
    void callsInARegionNoRunbookTargetsAreCalledOut() {
        assertThat(of(Kind.OTHER_REGION)).singleElement().satisfies(f -> assertThat(f.region()).isEqualTo("us-west-2"));
    }

    @Test
    void aBurstOfAccessDeniedIsCalledOut() {
        assertThat(of(Kind.ACCESS_DENIED_BURST)).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(6);
            assertThat(f.principal()).isEqualTo("arn:aws:iam::111122223333:role/probe");
        });
    }

    @Test
    void noiseAndDuplicatesAreCountedNotClassified() {
        assertThat(report.stats().duplicates()).isEqualTo(1);
        assertThat(report.stats().files()).isEqualTo(4);
        long classified = report.counts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(classified).isEqualTo(report.stats().dynamoDbEvents()).isEqualTo(23);
        assertThat(report.stats().records()).isEqualTo(23 + 8 + 1);
    }

    @Test
    void findingsComeMostSevereFirst() {
        assertThat(report.findings()).extracting(Finding::severity).isSortedAccordingTo(
                java.util.Comparator.<Severity>reverseOrder());
        assertThat(report.reaches(Severity.CRITICAL)).isTrue();
    }
}
