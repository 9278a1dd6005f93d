package dev.keyhole.cli.config;

import dev.keyhole.gateway.access.GrantAuthorizer;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.gateway.ticket.TicketGate;
import dev.keyhole.gateway.ticket.TicketProviders;
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

    public Gateway(KeyholeConfig cfg, Clock clock) throws IOException {
        var sts = StsClient.builder().region(Region.of(cfg.region()));
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
        this.clients = new DynamoDbClients(cfg.endpoint(), 5);
        this.state = State.open(cfg, clock, new java.io.PrintWriter(System.err, true));
        this.executor = new Executor(broker, clients,
                new CursorSealer(LocalSecrets.key(LocalSecrets.home(), "cursor.key"), clock),
                new Masker(LocalSecrets.key(LocalSecrets.home(), "masking.key")), clock, state.audit(),
                new GrantAuthorizer(state.grants()), new TicketGate(TicketProviders.fromConfig(cfg.tickets())));
    }

    public Executor executor() {
        return executor;
    }

    /** The audit log this gateway's executions append to. */
    public AuditLog audit() {
        return state.audit();
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
