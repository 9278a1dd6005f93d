package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.server.demo.LocalIdentities;
import dev.keyhole.server.demo.DemoData;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** `keyhole runbooks lint --describe` checks runbooks without declared keys against the live table's schema. */
class LintDescribeTest {

    private static final String RUNBOOK = """
            name: orders-by-order
            description: d
            owner: o
            target: {account: "000000000000", region: us-east-1, table: Orders, role: arn:aws:iam::000000000000:role/keyhole-exec}
            parameters:
              o: {type: string, required: true}
            queries:
              one:
                keyCondition: orderId = :o
                projection: [orderId]
            access:
              runners: [group:oncall]
            """;

    @Test
    void aKeyConditionOnTheWrongKeyIsCaughtFromTheLiveSchema(@TempDir Path dir, @TempDir Path home) throws Exception {
        Files.writeString(dir.resolve("rb.yaml"), RUNBOOK);
        Clock clock = Clock.systemUTC();
        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults()
                .withIamFile(Path.of("../examples/local/iam.yaml")), DynamoDbEngine.open(null, "us-east-1", "000000000000", clock))) {
            try (DynamoDbClient admin = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            LocalIdentities.ADMIN_ACCESS_KEY, LocalIdentities.ADMIN_SECRET))).build()) {
                DemoData.seed(admin, clock.instant());
            }
            Path cfg = home.resolve("keyhole.yaml");
            Files.writeString(cfg, "aws:\n  endpoint: " + server.endpoint() + "\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int withoutDescribe = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "runbooks", "lint",
                    dir.toString());
            assertThat(withoutDescribe).isEqualTo(ExitCode.OK);
            StringWriter err2 = new StringWriter();
            int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), "runbooks",
                    "lint", dir.toString(), "--describe", "--config", cfg.toString(),
                    "--access-key", LocalIdentities.ADMIN_ACCESS_KEY + ":" + LocalIdentities.ADMIN_SECRET);
            assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err2.toString()).contains("rb.yaml:9:").contains("must pin the partition key `customerId`");
        }
    }
}
