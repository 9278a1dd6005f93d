package dev.keyhole.server;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.GrantAuthorizer;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.execute.DynamoDbClients;
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
import dev.keyhole.server.demo.DemoWorld;
import dev.keyhole.server.demo.DemoData;
import dev.keyhole.server.demo.LocalIdentities;
import dev.keyhole.server.demo.DemoTrail;
import dev.keyhole.server.drift.DriftService;
import dev.keyhole.server.ui.WebUi;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * keyhole serve over the local engine with the demo data and the shipped runbooks, for tests: real HTTP,
 * real STS and DynamoDB protocols, IAM enforced, a SQLite state database in a temporary directory, the web
 * UI's pages and sign-in page, and a clock the test can move.
 * Tokens: {@code alice-token} (oncall), {@code bob-token} (payments-oncall), {@code carol-token}
 * (payments-leads), {@code dan-token} (security), {@code eve-token} (signed in, in no group: may run nothing).
 */
public final class RunningServer implements AutoCloseable {

    static final Map<String, Caller> PEOPLE = Map.of(
            "alice-token", new Caller("alice", Set.of("oncall")),
            "bob-token", new Caller("bob", Set.of("payments-oncall")),
            "carol-token", new Caller("carol", Set.of("payments-leads")),
            "dan-token", new Caller("dan", Set.of("security")),
            "eve-token", new Caller("eve", Set.of()));

    final DemoWorld world;
    final KeyholeServer server;
    final AuditLog audit;
    final Grants grants;
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The clock every part of the server reads: grants, sessions, the audit log, the local engine. */
    public final MovableClock clock = new MovableClock();
    /** The demo's drift service: its trail directory stays empty until {@link #seedDrift()}. */
    public final DriftService drift;
    private final Path home;

    public RunningServer() throws Exception {
        this(List.of());
    }

    /** The demo server with {@code more} routes besides the API, the web UI and drift. */
    public RunningServer(List<Route> more) throws Exception {
        Path root = Files.exists(Path.of("examples")) ? Path.of(".") : Path.of("..");
        home = Files.createTempDirectory("keyhole-server-test");
        world = new DemoWorld(root, home, clock, token -> {
            Caller c = PEOPLE.get(token);
            if (c == null) {
                throw new ApiError(401, "unauthenticated", "unknown token");
            }
            return c;
        });
        audit = world.audit();
        grants = world.grants();
        PrintStream log = new PrintStream(new TeeToStdout(logs), true);
        drift = new DriftService(DemoTrail.settings(home), world.services(), log);
        WebUi ui = new WebUi(world.services(), drift);
        List<Route> extra = new java.util.ArrayList<>(ui.routes());
        extra.addAll(DriftApi.routes(drift));
        extra.addAll(more);
        server = KeyholeServer.start(world.services(), new Sessions(clock, Duration.ofHours(8)), ui.signInPage(), extra,
                "127.0.0.1", 0, "test", log);
    }

    /** What {@code serve --demo} does at start: alice's runs, the demo trail, then the first scan and report. */
    public void seedDrift() throws java.io.IOException {
        DemoTrail.write(world.services(), home);
        drift.tick();
    }

    /**
     * The server's log lines go to the test's standard output as well, so bin/scan-test-outputs searches them
     * for secrets with everything else the suite wrote.
     */
    private static final class TeeToStdout extends java.io.OutputStream {
        private final ByteArrayOutputStream kept;

        TeeToStdout(ByteArrayOutputStream kept) {
            this.kept = kept;
        }

        @Override
        public void write(int b) {
            kept.write(b);
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            kept.write(b, off, len);
            System.out.write(b, off, len);
        }
    }

    /** The SQLite file holding the audit log, grants and tokens. */
    public Path stateFile() {
        return home.resolve("keyhole.db");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token, null), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(request(path, token, json), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of {@code path} ({@code json} null) or a POST of {@code json} to it, with {@code token} if not null. */
    HttpRequest request(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    @Override
    public void close() {
        server.close();
        drift.close();
        world.close();
    }
}
