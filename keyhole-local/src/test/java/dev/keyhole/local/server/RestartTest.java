package dev.keyhole.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.local.http.LocalServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Role sessions and items outlive a restart when the engine has a data directory, and only then. */
class RestartTest {

    private static Credentials assumeReader(RunningEngine local) {
        return local.keyholeSts().assumeRole(b -> b.roleArn(TestIdentities.roleArn("reader"))
                .roleSessionName("kh-restart")).credentials();
    }

    @Test
    void sessionsSurviveARestartWithADataDirectory(@TempDir Path dir) throws Exception {
        LocalServerConfig config = LocalServerConfig.defaults().withIamFile(TestIdentities.write(dir)).withDataDir(dir);
        Credentials c;
        try (RunningEngine first = RunningEngine.with(config)) {
            c = assumeReader(first);
        }
        try (RunningEngine second = RunningEngine.with(config)) {
            assertThat(second.sts(c).getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/reader/kh-restart");
        }
    }

    @Test
    void itemsSurviveARestartWithADataDirectory(@TempDir Path dir) throws Exception {
        LocalServerConfig config = LocalServerConfig.defaults().withIamFile(TestIdentities.write(dir)).withDataDir(dir);
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("b"), "note", AttributeValue.fromS("kept"));
        try (RunningEngine first = RunningEngine.with(config)) {
            first.adminDynamoDb().putItem(b -> b.tableName("Orders").item(item));
        }
        try (RunningEngine second = RunningEngine.with(config)) {
            assertThat(second.adminDynamoDb().getItem(b -> b.tableName("Orders")
                    .key(Map.of("pk", AttributeValue.fromS("b")))).item()).isEqualTo(item);
        }
    }

    @Test
    void inMemorySessionsEndWithTheEngineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        LocalServerConfig config = LocalServerConfig.defaults().withIamFile(TestIdentities.write(dir));
        Credentials c;
        try (RunningEngine first = RunningEngine.with(config)) {
            c = assumeReader(first);
        }
        try (RunningEngine second = RunningEngine.with(config)) {
            assertThatThrownBy(() -> second.sts(c).getCallerIdentity()).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("iam.yaml");
        }
    }
}
