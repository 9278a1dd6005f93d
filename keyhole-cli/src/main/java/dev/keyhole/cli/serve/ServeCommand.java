package dev.keyhole.cli.serve;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.Gateway;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.cli.config.Shipped;
import dev.keyhole.cli.runbooks.RunbookDirectory;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.cli.config.DriftConfig;
import dev.keyhole.server.DriftApi;
import dev.keyhole.server.KeyholeServer;
import dev.keyhole.server.Services;
import dev.keyhole.server.Sessions;
import dev.keyhole.server.demo.AdminClient;
import dev.keyhole.server.demo.DemoData;
import dev.keyhole.server.demo.DemoTrail;
import dev.keyhole.server.drift.DriftService;
import dev.keyhole.server.drift.DriftSettings;
import dev.keyhole.server.iamauth.IamAuthConfig;
import dev.keyhole.server.iamauth.IamAuthenticator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyhole serve [--port 8080] [--demo]}: the gateway over HTTP. With {@code --demo} it also starts
 * the local engine in-process with the demo data, runbooks and people, creates a sign-in token for each
 * demo person and prints them.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the JSON API, the web UI and metrics; --demo brings the local engine and demo people.")
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--demo", description = "Start the local engine with demo data, runbooks and people in this process.")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml",
            description = "Configuration file (default: ${DEFAULT-VALUE}; built-in defaults when absent).")
    Path config;

    /** Released to stop the server (shutdown hook, or {@link ServeHandle#stopAll()}). */
    private final CountDownLatch stop = new CountDownLatch(1);

    /** The demo's people and their groups (the shipped runbooks name these groups). */
    static final Map<String, List<String>> DEMO_PEOPLE = Map.of(
            "alice", List.of("oncall"),
            "bob", List.of("payments-oncall"),
            "carol", List.of("payments-leads"),
            "dan", List.of("security"));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        KeyholeConfig cfg = KeyholeConfig.load(config);
        LocalServer engine = null;
        Path home = null;
        if (demo) {
            engine = LocalServer.start(LocalServerConfig.defaults().withIamFile(Shipped.resolve(Path.of("examples/local/iam.yaml")))
                    .withClock(clock), DynamoDbEngine.open(null, "us-east-1", "000000000000", clock));
            try (var admin = AdminClient.of(engine.endpoint(), "us-east-1")) {
                DemoData.seed(admin, clock.instant());
            }
            home = Files.createTempDirectory("keyhole-demo");
            cfg = DemoConfig.of(cfg, engine.endpoint(), home, DEMO_PEOPLE);
            out.println("local engine (DynamoDB + STS, IAM enforced) on " + engine.endpoint() + "; state in " + home);
        }
        RunbookLoader.Result loaded = RunbookDirectory.load(cfg.runbooks(), err);
        if (loaded == null || !loaded.ok()) {
            return ExitCode.INVALID_INPUT;
        }
        List<Runbook> runbooks = loaded.runbooks();
        DriftSettings driftSettings;
        try {
            driftSettings = demo ? DemoTrail.settings(home) : DriftConfig.read(cfg.raw(), cfg.file() == null
                    ? Path.of("").toAbsolutePath() : cfg.file().toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            err.println("keyhole: " + cfg.file() + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KeyholeConfig c = cfg;
        try (Gateway gw = new Gateway(cfg, clock, metrics)) {
            CheckpointSigner signer = cfg.audit().signer();
            Identities ids = Identities.open(cfg, gw.state().database(), clock);
            Services.TokenAuthenticator auth = ids.authenticator();
            IamAuthConfig iam = iamAuth(cfg, engine);
            if (iam != null) {
                auth = new IamAuthenticator(iam, auth, clock);
                out.println("machines sign in with AWS IAM (audience `" + iam.audience() + "`, STS " + iam.stsEndpoints() + ")");
            }
            Services services = new Services(() -> runbooks, () -> people(c), gw.executor(), gw.grants(), gw.authorizer(),
                    gw.audit(), Map.of(signer.keyId(), signer.publicKey()), auth, clock, metrics);
            if (demo) {
                DemoTrail.write(services, home);
            }
            DriftService drift = driftSettings == null ? null : new DriftService(driftSettings, services, System.out).start();
            dev.keyhole.server.ui.WebUi ui = new dev.keyhole.server.ui.WebUi(services, drift);
            List<dev.keyhole.server.Route> routes = new ArrayList<>(ui.routes());
            routes.addAll(DriftApi.routes(drift));
            KeyholeServer server = KeyholeServer.start(services, new Sessions(clock, Duration.ofHours(8)), ui.signInPage(),
                    routes, host, port, version(), System.out);
            String base = "http://" + host + ":" + server.port();
            out.println("keyhole serving on " + base + " (API " + base + "/api/v1, OpenAPI " + base + "/api/openapi.json)");
            if (demo) {
                out.println("sign in at " + base + "/login with one of these tokens (valid 12 hours):");
                for (String who : new java.util.TreeSet<>(DEMO_PEOPLE.keySet())) {
                    out.printf("  %-6s %-17s %s%n", who, String.join(",", DEMO_PEOPLE.get(who)),
                            ids.issue(who, "demo", Duration.ofHours(12)));
                }
                out.println("or from a shell: KEYHOLE_TOKEN=<alice's token> keyhole run orders-by-customer --server " + base
                        + " -p customerId=C-1001 --ticket INC-1");
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            ServeHandle.RUNNING.add(stop);
            stop.await();
            server.close();
            if (drift != null) {
                drift.close();
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
        return ExitCode.OK;
    }

    /**
     * AWS IAM sign-in for machines, from {@code keyhole.yaml}'s {@code iamAuth: {audience, stsEndpoints: [URL],
     * groups: {ROLE_ARN: [group]}}}; in the demo, the local engine's STS with audience {@code keyhole-demo}.
     */
    private static IamAuthConfig iamAuth(KeyholeConfig cfg, LocalServer engine) {
        com.fasterxml.jackson.databind.JsonNode n = cfg.raw().path("iamAuth");
        if (n.isObject()) {
            List<java.net.URI> sts = new ArrayList<>();
            n.path("stsEndpoints").forEach(u -> sts.add(java.net.URI.create(u.asText())));
            if (sts.isEmpty()) {
                sts.add(java.net.URI.create("https://sts." + cfg.region() + ".amazonaws.com/"));
            }
            Map<String, java.util.Set<String>> groups = new java.util.LinkedHashMap<>();
            n.path("groups").fields().forEachRemaining(e -> {
                java.util.Set<String> g = new java.util.LinkedHashSet<>();
                e.getValue().forEach(v -> g.add(v.asText()));
                groups.put(e.getKey(), g);
            });
            return new IamAuthConfig(sts, n.path("audience").asText("keyhole"), IamAuthConfig.DEFAULT_MAX_AGE, groups);
        }
        return engine == null ? null : IamAuthConfig.of(java.net.URI.create(engine.endpoint() + "/"), "keyhole-demo");
    }

    private static List<Caller> people(KeyholeConfig cfg) {
        List<Caller> out = new ArrayList<>();
        cfg.users().forEach((name, groups) -> out.add(new Caller(name, groups)));
        return out;
    }

    private static String version() {
        Package p = ServeCommand.class.getPackage();
        return p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion();
    }
}
