package dev.keyhole.server.iamauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.KeyholeServer;
import dev.keyhole.server.MovableClock;
import dev.keyhole.server.Services;
import dev.keyhole.server.Sessions;
import dev.keyhole.server.demo.DemoWorld;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * keyhole serve over the local engine, with IAM sign-in in front of the demo's API tokens: the shipped
 * identities plus a {@code workload-host} that may assume the roles {@code billing-worker} (a runner of the test
 * runbook {@code billing-orders}) and {@code reports-worker} (a runner of nothing). The sign-in's clock can be
 * moved; the engine's cannot.
 */
final class MachineWorld implements AutoCloseable {

    static final String AUDIENCE = "keyhole-test.internal";
    static final String BILLING = "arn:aws:iam::000000000000:role/billing-worker";
    static final String REPORTS = "arn:aws:iam::000000000000:role/reports-worker";
    private static final String HOST_KEY = "AKIAWORKLOADHOST0001";
    private static final String HOST_SECRET = "workload-host-secret-not-for-production-01";

    final DemoWorld world;
    final KeyholeServer server;
    final MovableClock signInClock = new MovableClock();
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    MachineWorld() throws Exception {
        Path root = Files.createTempDirectory("keyhole-machines");
        prepare(root);
        AtomicReference<Services.TokenAuthenticator> auth = new AtomicReference<>();
        world = new DemoWorld(root, Files.createTempDirectory("keyhole-machines-state"), Clock.systemUTC(),
                token -> auth.get().authenticate(token));
        auth.set(new IamAuthenticator(IamAuthConfig.of(stsEndpoint(), AUDIENCE), token -> {
            if (token.equals("alice-token")) {
                return new Caller("alice", Set.of("oncall"));
            }
            throw new ApiError(401, "unauthenticated", "unknown token");
        }, signInClock));
        server = KeyholeServer.start(world.services(), new Sessions(Clock.systemUTC(), Duration.ofHours(1)), List.of(),
                "127.0.0.1", 0, "test", new PrintStream(logs, true));
    }

    /** The shipped examples, plus the workload identities and the test runbook. */
    private static void prepare(Path root) throws Exception {
        Path repo = Files.exists(Path.of("examples")) ? Path.of(".") : Path.of("..");
        Files.createDirectories(root.resolve("examples/local"));
        Files.createDirectories(root.resolve("examples/runbooks"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode iam = (ObjectNode) yaml.readTree(repo.resolve("examples/local/iam.yaml").toFile());
        JsonNode extra;
        try (InputStream in = resource("workloads-iam.yaml")) {
            extra = yaml.readTree(in);
        }
        ((ArrayNode) iam.get("users")).addAll((ArrayNode) extra.get("users"));
        ((ArrayNode) iam.get("roles")).addAll((ArrayNode) extra.get("roles"));
        yaml.writeValue(root.resolve("examples/local/iam.yaml").toFile(), iam);
        try (DirectoryStream<Path> shipped = Files.newDirectoryStream(repo.resolve("examples/runbooks"), "*.yaml")) {
            for (Path p : shipped) {
                Files.copy(p, root.resolve("examples/runbooks").resolve(p.getFileName()));
            }
        }
        try (InputStream in = resource("billing-orders.yaml")) {
            Files.copy(in, root.resolve("examples/runbooks/billing-orders.yaml"));
        }
    }

    private static InputStream resource(String name) {
        return MachineWorld.class.getResourceAsStream(name);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    URI stsEndpoint() {
        return world.engine().endpoint();
    }

    /** A session of {@code roleArn}, as the role's workload would hold it (the task or instance role). */
    AwsSessionCredentials assume(String roleArn, String session) {
        try (StsClient sts = StsClient.builder().endpointOverride(stsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(HOST_KEY, HOST_SECRET)))
                .build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(session)).credentials();
            return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        }
    }

    /** Every audit record so far. */
    List<AuditEvent> audit() throws Exception {
        List<AuditEvent> out = new ArrayList<>();
        world.audit().store().forEach(0, r -> out.add(r.event()));
        return out;
    }

    @Override
    public void close() {
        server.close();
        world.close();
    }
}
