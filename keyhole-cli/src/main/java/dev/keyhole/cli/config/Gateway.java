package dev.keyhole.cli.config;

import dev.keyhole.gateway.access.GrantAuthorizer;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.InterruptedRuns;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.gateway.ticket.TicketGate;
import dev.keyhole.gateway.ticket.TicketProviders;
import dev.keyhole.gateway.credentials.CredentialsBroker;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.execute.DynamoDbClients;
import dev.keyhole.gateway.execute.Executor;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.runbook.cursor.CursorSealer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Builds the executor from configuration: STS and DynamoDB clients pointed at AWS or the local engine. */
public final class Gateway implements AutoCloseable {

    private final StsCredentialsBroker broker;
    private final DynamoDbClients clients;
    private final Executor executor;
    private final State state;
    private final GrantAuthorizer authorizer;

    public Gateway(KeyholeConfig cfg, Clock clock) throws IOException {
        this(cfg, clock, null);
    }

    /** As above, with credential requests metered in {@code metrics} (server mode); {@code null} meters nothing. */
    public Gateway(KeyholeConfig cfg, Clock clock, io.micrometer.core.instrument.MeterRegistry metrics) throws IOException {
        var sts = StsClient.builder().region(Region.of(cfg.region()))
                .overrideConfiguration(dev.keyhole.gateway.execute.AwsCallLimits.DEFAULT.overrides());
        if (cfg.endpoint() != null) {
            sts.endpointOverride(cfg.endpoint());
        }
        if (cfg.accessKeyId() != null) {
            sts.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(cfg.accessKeyId(), cfg.secretAccessKey())));
        } else {
            sts.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.broker = new StsCredentialsBroker(sts.build(), clock, Duration.ofMinutes(2));
        this.clients = new DynamoDbClients(cfg.endpoint(), dev.keyhole.gateway.execute.AwsCallLimits.DEFAULT);
        this.state = State.open(cfg, clock, new java.io.PrintWriter(System.err, true));
        // A gateway killed mid-run left started records without a finish: close them before running anything.
        java.util.List<String> interrupted = InterruptedRuns.recover(state.audit(), clock);
        if (!interrupted.isEmpty()) {
            System.err.println("keyhole: " + interrupted.size() + " run(s) of a stopped gateway recorded as interrupted: "
                    + String.join(", ", interrupted));
        }
        this.authorizer = new GrantAuthorizer(state.grants());
        CredentialsBroker minting = metrics == null ? broker : new dev.keyhole.server.MeteredBroker(broker, metrics);
        this.executor = new Executor(minting, clients,
                new CursorSealer(LocalSecrets.key(LocalSecrets.home(), "cursor.key"), clock),
                new Masker(LocalSecrets.key(LocalSecrets.home(), "masking.key")), clock, state.audit(),
                authorizer, new TicketGate(TicketProviders.fromConfig(cfg.tickets()), TicketGate.DEFAULT_TTL, clock));
    }

    public Executor executor() {
        return executor;
    }

    /** The audit log this gateway's executions append to. */
    public AuditLog audit() {
        return state.audit();
    }

    /** Who may run what now; the executor's own. */
    public GrantAuthorizer authorizer() {
        return authorizer;
    }

    /** keyhole's state: database, audit log, grants. */
    public State state() {
        return state;
    }

    /** Approvals and exceptions. */
    public Grants grants() {
        return state.grants();
    }

    @Override
    public void close() {
        state.close();
        clients.close();
        broker.close();
    }
}
