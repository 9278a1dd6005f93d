package dev.keyhole.cli.demo;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.Gateway;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.server.demo.LocalIdentities;
import dev.keyhole.cli.config.Shipped;
import dev.keyhole.server.demo.DemoData;
import dev.keyhole.cli.run.ResultPrinter;
import dev.keyhole.cli.runbooks.RunbookDirectory;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.AuditVerifier;
import dev.keyhole.gateway.audit.CorrelationIds;
import dev.keyhole.gateway.audit.StoredRecord;
import dev.keyhole.gateway.audit.VerifyReport;
import dev.keyhole.gateway.credentials.SessionCredentials;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.execute.RunRequest;
import dev.keyhole.gateway.execute.RunResult;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * {@code keyhole demo}: keyhole's main job end to end with no AWS account. Starts the local engine
 * (DynamoDB + STS + IAM enforcement) in-process, creates and seeds the demo tables, runs a demo
 * runbook as an on-call engineer with a ticket through the real path (AssumeRole with a narrowed
 * session policy, SigV4-signed SDK calls), and shows what the minted credentials may not do.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run keyhole end to end on the embedded local engine with demo data, runbooks and users.")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "examples/runbooks")
    Path runbooks;

    @Option(names = "--iam", paramLabel = "FILE", defaultValue = "examples/local/iam.yaml")
    Path iam;

    @Option(names = "--customer", defaultValue = "C-1001", description = "The customer to look up (default: ${DEFAULT-VALUE}).")
    String customer;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        CorrelationIds ids = new CorrelationIds(clock);
        RunbookLoader.Result loaded = RunbookDirectory.load(runbooks, err);
        if (loaded == null || !loaded.ok()) {
            return ExitCode.INVALID_INPUT;
        }
        LocalServerConfig cfg = LocalServerConfig.defaults().withIamFile(Shipped.resolve(iam)).withClock(clock);
        try (LocalServer server = LocalServer.start(cfg, DynamoDbEngine.open(null, "us-east-1", "000000000000", clock))) {
            out.println("1. local engine (DynamoDB + STS, IAM enforced) on " + server.endpoint());
            try (DynamoDbClient admin = dev.keyhole.server.demo.AdminClient.of(server.endpoint(), "us-east-1")) {
                int items = DemoData.seed(admin, clock.instant());
                out.println("2. seeded tables Customers, Orders, Payments with " + items + " items");
            }
            // The demo keeps its audit log and grants apart from yours, in a directory of its own.
            java.nio.file.Path state = java.nio.file.Files.createTempDirectory("keyhole-demo");
            KeyholeConfig config = new KeyholeConfig(Shipped.resolve(runbooks), "us-east-1", server.endpoint(),
                    LocalIdentities.KEYHOLE_ACCESS_KEY, LocalIdentities.KEYHOLE_SECRET,
                    Map.of("alice", Set.of("oncall")), dev.keyhole.cli.config.AuditSettings.defaults(state),
                    com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                    com.fasterxml.jackson.databind.node.MissingNode.getInstance(), null);
            Runbook rb = loaded.runbooks().stream().filter(r -> r.name().equals("orders-by-customer")).findFirst()
                    .orElseThrow();
            Caller alice = new Caller("alice", Set.of("oncall"));
            Map<String, String> params = Map.of("customerId", customer, "since", "-P60D");
            try (Gateway gw = new Gateway(config, clock)) {
                out.println("3. alice (group oncall) runs `orders-by-customer` for " + customer + " under ticket INC-1042:");
                out.println();
                RunResult r = gw.executor().run(new RunRequest(alice, rb, null, params, "INC-1042", null, ids.next()));
                ResultPrinter.print(r, rb.defaultQuery().projection(), "table", out, out);
                out.println();
                out.println("   credentials " + r.accessKeyId() + " (session " + r.sessionName()
                        + ") allow exactly that query. Used directly with the AWS SDK:");
                SessionCredentials creds = gw.executor().credentials(
                        new RunRequest(alice, rb, null, params, "INC-1042", null, ids.next()));
                try (DynamoDbClient narrowed = client(server, AwsSessionCredentials.create(creds.accessKeyId(),
                        creds.secretAccessKey(), creds.sessionToken()))) {
                    attempt(out, "query another customer (C-1002)", () -> narrowed.query(b -> b.tableName("Orders")
                            .keyConditionExpression("customerId = :c").projectionExpression("orderId")
                            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("C-1002")))));
                    attempt(out, "read the shipping address", () -> narrowed.query(b -> b.tableName("Orders")
                            .keyConditionExpression("customerId = :c").projectionExpression("shippingAddress")
                            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer)))));
                    attempt(out, "scan the table", () -> narrowed.scan(b -> b.tableName("Orders")));
                    attempt(out, "read the Payments table", () -> narrowed.query(b -> b.tableName("Payments")
                            .keyConditionExpression("orderId = :o").projectionExpression("amount")
                            .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("O-2001")))));
                    attempt(out, "delete an order", () -> narrowed.deleteItem(b -> b.tableName("Orders").key(Map.of(
                            "customerId", AttributeValue.fromS(customer), "orderId", AttributeValue.fromS("O-2001")))));
                }
                out.println();
                out.println("4. and keyhole refuses before minting anything:");
                String noTicket = ids.next();
                try {
                    gw.executor().run(new RunRequest(alice, rb, null, params, null, null, noTicket));
                } catch (Refusal e) {
                    out.println("   without a ticket: " + e.getMessage());
                }
                String bobRun = ids.next();
                try {
                    gw.executor().run(new RunRequest(new Caller("bob", Set.of("support")), rb, null, params, "INC-1042",
                            null, bobRun));
                } catch (Refusal e) {
                    out.println("   bob:              " + e.getMessage());
                }
                out.println();
                out.println("5. every attempt is in the audit log (" + gw.audit().store().description() + "):");
                auditTrail(gw.audit(), out, List.of(r.correlationId(), noTicket, bobRun));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void attempt(PrintWriter out, String what, Runnable call) {
        try {
            call.run();
            out.println("   - " + what + ": ALLOWED (unexpected)");
        } catch (DynamoDbException e) {
            out.println("   - " + what + ": " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
        }
    }

    private static void auditTrail(AuditLog audit, PrintWriter out, List<String> correlationIds) throws Exception {
        for (String id : correlationIds) {
            for (StoredRecord rec : audit.store().search(new AuditQuery(id, null, null, null, null, null, null, 10))) {
                AuditEvent e = rec.event();
                Object detail = e.get(AuditEvent.Field.ITEMS) != null ? e.get(AuditEvent.Field.ITEMS) + " item(s)"
                        : e.get(AuditEvent.Field.REASON);
                out.printf("   #%-5d %-8s %-36s %-6s ticket %-9s %s%n", rec.seq(), e.type().word(), e.correlationId(),
                        e.principal(), e.get(AuditEvent.Field.TICKET) == null ? "-" : e.get(AuditEvent.Field.TICKET),
                        detail == null ? "" : detail);
            }
        }
        VerifyReport v = AuditVerifier.verify(audit.store(), Map.of(audit.policy().signer().keyId(),
                audit.policy().signer().publicKey()));
        out.println("   chain of " + v.records() + " record(s) verified: " + (v.ok() ? "intact" : "TAMPERED: " + v.problem())
                + " (the demo's own log; yours: `keyhole audit search`, `keyhole audit verify`)");
    }

    private static DynamoDbClient client(LocalServer server, software.amazon.awssdk.auth.credentials.AwsCredentials c) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(c)).build();
    }
}
