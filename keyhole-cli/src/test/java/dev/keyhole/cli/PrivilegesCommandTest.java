package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.drift.generate.Scenario;
import dev.keyhole.drift.privileges.FakeIam;
import dev.keyhole.iam.parse.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyhole privileges unused|prune} against the scenario's trail; IAM is {@link FakeIam}, a test
 * double of the IAM query API, since AWS IAM cannot run here.
 */
class PrivilegesCommandTest {

    static final String POLICY = "arn:aws:iam::111122223333:policy/orders-rw";
    static final String WIDE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Orders\",\"Effect\":\"Allow\","
            + "\"Action\":\"dynamodb:*\",\"Resource\":\"arn:aws:dynamodb:eu-west-1:111122223333:table/Orders*\"}]}";

    @TempDir
    Path dir;

    Path trail;
    FakeIam iam;

    @BeforeEach
    void setUp() throws Exception {
        trail = dir.resolve("trail");
        Scenario.write(trail);
        iam = new FakeIam();
        iam.policy(POLICY, WIDE);
        iam.role(new FakeIam.Role("orders-service", "arn:aws:iam::111122223333:role/orders-service", Map.of(), List.of(POLICY)));
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @AfterEach
    void tearDown() {
        iam.close();
    }

    private String[] args(String... head) {
        List<String> a = new java.util.ArrayList<>(List.of(head));
        a.addAll(List.of("--live", "--iam-endpoint", iam.endpoint(), "--cloudtrail", trail.toString(), "--days", "36500",
                "--no-progress"));
        return a.toArray(String[]::new);
    }

    @Test
    void unusedListsGrantedActionsTheRoleNeverUsed() throws Exception {
        var r = DriftScanCommandTest.keyhole(args("privileges", "unused", "-o", "json"));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(r.out()).path("principals").get(0);
        assertThat(p.path("arn").asText()).isEqualTo("arn:aws:iam::111122223333:role/orders-service");
        assertThat(p.path("used").toString()).contains("dynamodb:Query");
        assertThat(p.path("unused").toString()).contains("dynamodb:DeleteItem").doesNotContain("dynamodb:Query\"");
    }

    @Test
    void pruneIsADryRunUntilApplied() {
        var r = DriftScanCommandTest.keyhole(args("privileges", "prune"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("would become", "dynamodb:Query");
        assertThat(iam.versionIds(POLICY)).containsExactly("v1");
    }

    @Test
    void pruneApplyWritesANewDefaultAndRollbackRestoresThePrevious() throws Exception {
        var applied = DriftScanCommandTest.keyhole(args("privileges", "prune", "--apply"));

        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(iam.defaultVersion(POLICY)).isEqualTo("v2");
        assertThat(PolicyParser.parse(iam.document(POLICY, "v2")).statements())
                .allSatisfy(s -> assertThat(s.action().values()).containsExactly("dynamodb:Query"));

        var back = DriftScanCommandTest.keyhole("privileges", "prune", "--rollback", "--policy", POLICY,
                "--iam-endpoint", iam.endpoint());

        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(iam.defaultVersion(POLICY)).isEqualTo("v1");
        assertThat(back.out()).contains("v1 is the default again");
    }

    @Test
    void serverModeWritesTheReportAgainEveryPeriod() throws Exception {
        Path reports = dir.resolve("reports");

        var r = DriftScanCommandTest.keyhole(args("privileges", "unused", "--every", "PT0.05S", "--report-dir",
                reports.toString(), "--runs", "2"));

        assertThat(r.exit()).as(r.err()).isZero();
        try (var files = Files.list(reports)) {
            assertThat(files.toList()).hasSize(2)
                    .allSatisfy(f -> assertThat(new ObjectMapper().readTree(f.toFile()).path("principals")).isNotEmpty());
        }
    }

    @Test
    void unusedNeedsIamAndATrail() throws Exception {
        Path authz = dir.resolve("authz.json");
        Files.writeString(authz, "{}");

        var r = DriftScanCommandTest.keyhole("privileges", "unused", "--authz", authz.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--cloudtrail");
    }
}
