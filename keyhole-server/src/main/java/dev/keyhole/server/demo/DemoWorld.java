package dev.keyhole.server.demo;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.GrantAuthorizer;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.execute.DynamoDbClients;
import dev.keyhole.gateway.execute.AwsCallLimits;
import dev.keyhole.gateway.execute.Executor;
import dev.keyhole.gateway.grants.GrantRules;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.gateway.grants.Notifier;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.server.MeteredBroker;
import dev.keyhole.server.Services;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The whole demo in one process: the local engine (IAM enforced, demo tables seeded), the shipped runbooks,
 * the demo people, a state database in {@code stateDir}, and the gateway's services wired over them — what
 * {@code keyhole serve --demo}, the server's tests and the load driver share.
 */
public final class DemoWorld implements AutoCloseable {

    /** The demo's people; the shipped runbooks name their groups. */
    public static final List<Caller> PEOPLE = List.of(
            new Caller("alice", Set.of("oncall")),
            new Caller("bob", Set.of("payments-oncall")),
            new Caller("carol", Set.of("payments-leads")),
            new Caller("dan", Set.of("security")));

    private final LocalServer engine;
    private final StsCredentialsBroker broker;
    private final DynamoDbClients clients;
    private final AuditLog audit;
    private final Grants grants;
    private final Services services;
    private final Database db;

    /**
     * @param root the repository (or installation) root holding {@code examples/}
     * @param authenticator how bearer tokens become people
     */
    public DemoWorld(Path root, Path stateDir, Clock clock, Services.TokenAuthenticator authenticator) throws IOException {
        engine = LocalServer.start(LocalServerConfig.defaults().withIamFile(root.resolve("examples/local/iam.yaml"))
                .withClock(clock), DynamoDbEngine.open(null, "us-east-1", "000000000000", clock));
        try (var admin = AdminClient.of(engine.endpoint(), "us-east-1")) {
            DemoData.seed(admin, clock.instant());
        }
        List<Runbook> runbooks = RunbookLoader.loadDirectory(root.resolve("examples/runbooks")).runbooks();
        db = Database.sqlite(stateDir.resolve("keyhole.db"));
        CheckpointSigner signer = CheckpointSigner.loadOrCreate(stateDir.resolve("audit-signing.key"));
        audit = new AuditLog(new AuditStore(db), new CheckpointPolicy(signer, 1_000, Duration.ofSeconds(60)), clock);
        grants = new Grants(db, GrantRules.defaults(), audit, Notifier.NONE, clock);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        broker = new StsCredentialsBroker(StsClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalIdentities.KEYHOLE_ACCESS_KEY, LocalIdentities.KEYHOLE_SECRET)))
                .overrideConfiguration(AwsCallLimits.DEFAULT.overrides()).build(), clock,
                Duration.ofMinutes(2));
        clients = new DynamoDbClients(engine.endpoint(), AwsCallLimits.DEFAULT.withMaxAttempts(3));
        GrantAuthorizer authorizer = new GrantAuthorizer(grants);
        Executor executor = new Executor(new MeteredBroker(broker, metrics), clients,
                new CursorSealer(CursorSealer.newKey(), clock), new Masker(CursorSealer.newKey()), clock, audit, authorizer);
        services = new Services(() -> runbooks, () -> PEOPLE, executor, grants, authorizer, audit,
                Map.of(signer.keyId(), signer.publicKey()), authenticator, clock, metrics);
    }

    public Services services() {
        return services;
    }

    public LocalServer engine() {
        return engine;
    }

    public AuditLog audit() {
        return audit;
    }

    public Grants grants() {
        return grants;
    }

    /** The state database (grants, tokens, audit log). */
    public Database database() {
        return db;
    }

    @Override
    public void close() {
        audit.close();
        db.close();
        clients.close();
        broker.close();
        engine.close();
    }
}
