package dev.keyhole.cli.local;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.LocalSecrets;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyhole local}: serves DynamoDB and STS on one port until interrupted. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Run the embedded DynamoDB-compatible engine with STS and IAM enforcement.",
            "The AWS SDK (endpointOverride), the AWS CLI (--endpoint-url) and boto3 work against it unchanged."})
public final class LocalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $KEYHOLE_HOME/local, ~/.keyhole/local).")
    Path data;

    @Option(names = "--in-memory", description = "Keep nothing on disk.")
    boolean inMemory;

    @Option(names = "--iam", paramLabel = "FILE", description = "IAM identities (YAML); default: one full-access admin, "
            + "key AKIAIOSFODNN7EXAMPLE.")
    Path iam;

    @Option(names = "--no-iam", description = "Accept any credentials and enforce no IAM (a plain local DynamoDB).")
    boolean noIam;

    @Option(names = "--demo", description = "Create and seed the demo tables (Customers, Orders, Payments).")
    boolean demo;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region for unsigned requests (default: ${DEFAULT-VALUE}).")
    String region;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (inMemory && data != null) {
            err.println("keyhole: use either --data DIR or --in-memory");
            return ExitCode.INVALID_INPUT;
        }
        if (iam != null && !Files.isRegularFile(iam)) {
            err.println("keyhole: no IAM file `" + iam + "`");
            return ExitCode.INVALID_INPUT;
        }
        Path dir = inMemory ? null : data != null ? data : LocalSecrets.home().resolve("local");
        if (dir != null) {
            Files.createDirectories(dir);
        }
        LocalServer server;
        try {
            LocalServerConfig cfg = new LocalServerConfig(host, port, dir, iam, !noIam, region, "000000000000",
                    Clock.systemUTC());
            server = LocalServer.start(cfg, DynamoDbEngine.open(dir, region, "000000000000", cfg.clock()));
        } catch (BindException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        out.println("keyhole local: DynamoDB and STS on " + server.endpoint()
                + (dir == null ? " (in memory)" : " (data in " + dir + ")")
                + (noIam ? ", IAM not enforced" : ", IAM enforced" + (iam == null ? " (admin key AKIAIOSFODNN7EXAMPLE)" : " from " + iam)));
        if (demo) {
            try (var admin = dev.keyhole.server.demo.AdminClient.of(server.endpoint(), region)) {
                out.println("seeded demo tables with " + dev.keyhole.server.demo.DemoData.seed(admin, java.time.Instant.now())
                        + " items");
            }
        }
        out.println("try: aws dynamodb list-tables --endpoint-url " + server.endpoint() + " --region " + region);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.OK;
    }
}
