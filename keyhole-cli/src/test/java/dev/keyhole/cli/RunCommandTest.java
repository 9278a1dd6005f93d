package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.server.demo.AdminClient;
import dev.keyhole.server.demo.DemoData;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `keyhole run` and `keyhole credentials` against a standing local engine, with their exit-code contract. */
class RunCommandTest {

    private static LocalServer server;
    private static Path config;
    private static String previousUser;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        server = LocalServer.start(LocalServerConfig.defaults().withIamFile(Path.of("../examples/local/iam.yaml")),
                DynamoDbEngine.open(null, "us-east-1", "000000000000", clock));
        try (var admin = AdminClient.of(server.endpoint(), "us-east-1")) {
            DemoData.seed(admin, clock.instant());
        }
        config = dir.resolve("keyhole.yaml");
        Files.writeString(config, "runbooks: " + Path.of("../examples/runbooks").toAbsolutePath()
                + "\naws:\n  endpoint: " + server.endpoint() + "\nusers:\n  alice: {groups: [oncall]}\n"
                + "audit:\n  path: " + dir.resolve("audit.db") + "\n  signingKey: " + dir.resolve("audit.key") + "\n");
        previousUser = System.getProperty("user.name");
        System.setProperty("user.name", "alice");
    }

    @AfterAll
    static void stop() {
        System.setProperty("user.name", previousUser);
        server.close();
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A configuration in {@code dir} whose only runbook is {@code orders-by-customer} renamed {@code name} and
     * changed by {@code edit}.
     */
    private static Path configWithVariant(Path dir, String name, java.util.function.UnaryOperator<String> edit)
            throws java.io.IOException {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve(name + ".yaml"), edit.apply(Files.readString(
                Path.of("../examples/runbooks/orders-by-customer.yaml"))
                .replace("name: orders-by-customer", "name: " + name)));
        Path cfg = dir.resolve("keyhole.yaml");
        Files.writeString(cfg, Files.readString(config).replaceFirst("runbooks: .*", "runbooks: " + runbooks));
        return cfg;
    }

    @Test
    void aRunPrintsCsvWithTheProjectedColumnsInOrder() {
        Run r = run("run", "orders-by-customer", "-p", "customerId=C-1002", "-p", "since=-P365D", "--ticket", "INC-9",
                "-o", "csv", "--config", config.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("customerId,orderId,createdAt,status,total");
        assertThat(lines.length).isGreaterThan(1);
        assertThat(lines[1]).startsWith("C-1002,O-");
        // A time-ordered UUIDv7 (RFC 9562): version nibble 7, variant bits 10.
        assertThat(r.err()).containsPattern("correlation id [0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12};");
    }

    @Test
    void aCallerChosenCorrelationIdIsUsedAndAnUnsafeOneIsInvalid() {
        Run r = run("run", "orders-by-customer", "-p", "customerId=C-1002", "--ticket", "INC-9", "--correlation-id",
                "INC-9.retry-2", "--config", config.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("correlation id INC-9.retry-2;");
        Run audit = run("audit", "search", "--correlation-id", "INC-9.retry-2", "--config", config.toString());
        assertThat(audit.out()).contains("started").contains("finished").contains("INC-9.retry-2");
        Run bad = run("run", "orders-by-customer", "-p", "customerId=C-1002", "--ticket", "INC-9", "--correlation-id",
                "a b/c", "--config", config.toString());
        assertThat(bad.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("correlation id `a b/c` must be");
    }

    @Test
    void exitCodesSeparateRefusedFromInvalid() {
        assertThat(run("run", "orders-by-customer", "-p", "customerId=C-1002", "--config", config.toString()).exit())
                .isEqualTo(ExitCode.DENIED);
        assertThat(run("run", "orders-by-customer", "-p", "customerId=nope", "--ticket", "INC-1", "--config",
                config.toString()).exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("run", "no-such-runbook", "--config", config.toString()).exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("run", "orders-by-customer", "-o", "xml", "--config", config.toString()).exit())
                .isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void credentialsComeAsEnvironmentVariablesWhereTheRunbookAllowsIt(@TempDir Path dir) throws Exception {
        Path cfg = configWithVariant(dir, "orders-self-service",
                rb -> rb.replace("  sessionTtl: PT15M", "  sessionTtl: PT15M\n  credentials: true"));
        Run r = run("credentials", "orders-self-service", "-p", "customerId=C-1002", "--ticket", "INC-9", "--config",
                cfg.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("export AWS_ACCESS_KEY_ID=ASIA").contains("export AWS_SESSION_TOKEN=")
                .contains("export AWS_ENDPOINT_URL=" + server.endpoint());
    }

    @Test
    void credentialsAreOnlyHandedOutWhereTheRunbookAllowsIt() {
        Run r = run("credentials", "orders-by-customer", "-p", "customerId=C-1002", "--ticket", "INC-9", "--config",
                config.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.DENIED);
        assertThat(r.err()).contains("does not hand out credentials").doesNotContain("ASIA");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void stsRefusingTheExecutionRoleIsARefusalNamingStsAndExitsDenied(@TempDir Path dir) throws Exception {
        Path cfg = configWithVariant(dir, "orders-elsewhere", rb -> rb.replace("role/keyhole-exec", "role/not-for-keyhole"));
        Run r = run("run", "orders-elsewhere", "-p", "customerId=C-1002", "--ticket", "INC-9", "--config", cfg.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.DENIED);
        assertThat(r.err()).contains("keyhole: refused: STS refused credentials for runbook `orders-elsewhere` (AccessDenied: ")
                .contains("nothing ran");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void refusalsMapToExitCodesThatSeparateInputFromDenialFromFailure() {
        assertThat(ExitCode.of(Refusal.Kind.CURSOR_REJECTED)).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(ExitCode.of(Refusal.Kind.CREDENTIALS_REFUSED)).isEqualTo(ExitCode.DENIED);
        assertThat(ExitCode.of(Refusal.Kind.CREDENTIALS_UNAVAILABLE)).isEqualTo(ExitCode.FAILED);
        assertThat(ExitCode.of(Refusal.Kind.NOT_ALLOWED)).isEqualTo(ExitCode.DENIED);
    }
}
