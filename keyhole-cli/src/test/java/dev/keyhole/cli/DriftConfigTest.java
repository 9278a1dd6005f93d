package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyhole.cli.config.DriftConfig;
import dev.keyhole.server.drift.DriftSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keyhole.yaml's {@code drift:} section as {@code keyhole serve} reads it. */
class DriftConfigTest {

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void aFullSectionIsReadWithPathsFromTheFilesDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("trail"));
        Files.writeString(dir.resolve("authz.json"), "{}");
        DriftSettings d = DriftConfig.read(yaml("""
                drift:
                  cloudtrail: trail
                  every: PT15M
                  lookback: PT6H
                  unused: {authz: authz.json, every: P1D, lookback: P30D}
                  triggeredBy: [security, sre]
                """), dir);
        assertThat(d.trail().describe()).isEqualTo(dir.resolve("trail").toString());
        assertThat(d.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(d.lookback()).isEqualTo(Duration.ofHours(6));
        assertThat(d.authz()).isEqualTo(dir.resolve("authz.json"));
        assertThat(d.unusedEvery()).isEqualTo(Duration.ofDays(1));
        assertThat(d.unusedLookback()).isEqualTo(Duration.ofDays(30));
        assertThat(d.triggeredBy()).isEqualTo(Set.of("security", "sre"));
    }

    @Test
    void anS3TrailNeedsNoLocalPathAndTheReportDefaultsToWeekly(@TempDir Path dir) throws Exception {
        DriftSettings d = DriftConfig.read(yaml("""
                drift:
                  cloudtrail: s3://org-trail/AWSLogs-prefix
                  s3: {region: eu-west-1, endpoint: "http://127.0.0.1:9000"}
                """), dir);
        assertThat(d.trail().describe()).isEqualTo("s3://org-trail/AWSLogs-prefix");
        assertThat(d.unusedEvery()).isEqualTo(Duration.ofDays(7));
        assertThat(d.authz()).isNull();
        assertThat(d.triggeredBy()).isEmpty();
    }

    @Test
    void noSectionIsNoDriftWatch(@TempDir Path dir) throws Exception {
        assertThat(DriftConfig.read(yaml("runbooks: runbooks\n"), dir)).isNull();
    }

    @Test
    void everyProblemIsReportedAtOnce(@TempDir Path dir) {
        assertThatThrownBy(() -> DriftConfig.read(yaml("""
                drift:
                  cloudtrail: nowhere
                  every: hourly
                  unused: {authz: missing.json}
                  trigerredBy: [security]
                """), dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("`drift.trigerredBy` is not a setting")
                .hasMessageContaining("`drift.every` `hourly` is not an ISO 8601 duration")
                .hasMessageContaining("`drift.unused.authz`: no file or directory")
                .hasMessageContaining("`drift.cloudtrail`: no CloudTrail at");
    }
}
