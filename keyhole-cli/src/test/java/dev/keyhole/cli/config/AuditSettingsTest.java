package dev.keyhole.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyhole.gateway.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** keyhole.yaml's `audit:` section: defaults, the `sync` choice, and every mistake named at once. */
class AuditSettingsTest {

    private static final Path BASE = Path.of("/etc/keyhole");
    private static final Path HOME = Path.of("/home/oncall/.keyhole");

    private static AuditSettings read(String text) throws IOException {
        JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(text).path("audit");
        return AuditSettings.read(n, BASE, HOME);
    }

    @Test
    void withoutASectionTheLogIsEmbeddedAndEveryCommitIsOnDisk() throws Exception {
        AuditSettings s = read("users: {}\n");
        assertThat(s.store()).isEqualTo("sqlite");
        assertThat(s.path()).isEqualTo(HOME.resolve("audit.db"));
        assertThat(s.sync()).isEqualTo(Database.Sync.FULL);
    }

    @Test
    void syncNormalIsReadAndPathsAreRelativeToTheConfigFile() throws Exception {
        AuditSettings s = read("audit: {path: state/audit.db, sync: normal}\n");
        assertThat(s.sync()).isEqualTo(Database.Sync.NORMAL);
        assertThat(s.path()).isEqualTo(BASE.resolve("state/audit.db"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> read("audit: {store: oracle, sync: sometimes, checkpointEvery: 0, colour: red}\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("`audit.store` must be `sqlite` or `postgresql`, not `oracle`")
                .hasMessageContaining("`audit.sync` must be `full`")
                .hasMessageContaining("not `sometimes`")
                .hasMessageContaining("`audit.checkpointEvery` and `audit.checkpointSeconds` must be at least 1")
                .hasMessageContaining("`audit.colour` is not a setting");
    }
}
