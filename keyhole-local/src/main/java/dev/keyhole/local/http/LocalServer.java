package dev.keyhole.local.http;

import dev.keyhole.local.dynamodb.DynamoDbService;
import dev.keyhole.local.security.IamFile;
import dev.keyhole.local.security.Identities;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code keyhole local}: serves DynamoDB's JSON 1.0 protocol ({@code X-Amz-Target: DynamoDB_20120810.*})
 * and STS's query protocol on one port. Every request is authenticated by SigV4 (recomputed with the
 * SDK's signer) and every DynamoDB call authorized with keyhole's IAM evaluator on the actions,
 * resources and condition keys DynamoDB itself would use, before the engine sees it.
 *
 * <p>HTTP is Jetty's core server (no servlets) on a pool of platform threads: measured against the JDK's
 * built-in server on virtual threads it costs the engine less CPU per request (keyhole-bench/README.md).
 *
 * <p>Point the SDK at {@link #endpoint()} with {@code endpointOverride}; nothing else changes. The server
 * owns the {@link DynamoDbService} it is started with and closes it in {@link #close()}.
 *
 * <pre>{@code
 * try (LocalServer server = LocalServer.start(LocalServerConfig.defaults(),
 *         DynamoDbEngine.open(null, "us-east-1", "000000000000", clock))) {
 *     DynamoDbClient db = DynamoDbClient.builder().endpointOverride(server.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class LocalServer implements AutoCloseable {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The largest request body accepted (DynamoDB's own request limit is 16 MB). */
    static final int MAX_BODY = 16 * 1024 * 1024;
    /**
     * Request threads. Most requests are CPU only, so a few would do; a durable write waits for its commit to
     * reach the disk, and many clients writing at once should not queue behind one another's disk waits.
     * Idle keep-alive connections hold no thread.
     */
    private static final int MAX_THREADS = 64;

    private final Server http;
    private final ServerConnector connector;
    private final Dispatcher dispatcher;
    private final DynamoDbService dynamo;
    private final LocalServerConfig config;

    private LocalServer(LocalServerConfig config, DynamoDbService dynamo, Identities identities) throws IOException {
        this.config = config;
        this.dynamo = dynamo;
        this.dispatcher = new Dispatcher(config, dynamo, identities);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("keyhole-local");
        this.http = new Server(threads);
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendDateHeader(false);
        // Jetty caches header fields per connection to save parsing repeated values; SDK clients sign every
        // request afresh (date, signature, invocation id), so the cache only costs: profiled at a tenth of the CPU.
        httpConfig.setHeaderCacheSize(0);
        this.connector = new ServerConnector(http, 1, 1, new HttpConnectionFactory(httpConfig));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(1024);
        http.addConnector(connector);
        http.setHandler(new JettyHandler(dispatcher));
        // What Jetty refuses before the engine reads it still answers in DynamoDB's error shape, see
        // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
        http.setErrorHandler(new JsonRefusals("application/x-amz-json-1.0", (status, reason) -> JSON.createObjectNode()
                .put("__type", "com.amazon.coral.validate#ValidationException")
                .put("message", "The HTTP request was refused before it was read: " + reason).toString()));
        start(http, config);
    }

    /**
     * Starts serving {@code dynamo} as configured.
     *
     * @throws IllegalArgumentException when the IAM file is invalid (the message names the problem)
     * @throws BindException when the port cannot be bound (the message says which and what to do)
     * @throws IOException when the IAM file or the sessions in the data directory cannot be read
     */
    public static LocalServer start(LocalServerConfig config, DynamoDbService dynamo) throws IOException {
        try {
            IamFile iam = config.iamFile() == null ? IamFile.defaults(config.account())
                    : IamFile.load(config.iamFile(), config.account());
            Identities ids = new Identities(iam, config.dataDir() == null ? null : config.dataDir().resolve("sessions.json"),
                    config.clock());
            return new LocalServer(config, dynamo, ids);
        } catch (IOException | RuntimeException e) {
            dynamo.close(); // it was handed to us: release its files so a retry can open them
            throw e;
        }
    }

    private static void start(Server http, LocalServerConfig config) throws IOException {
        try {
            http.start();
        } catch (Exception e) {
            stopQuietly(http);
            BindException bind = bindException(e);
            if (bind != null) {
                BindException friendly = new BindException("cannot listen on `" + config.host() + ":" + config.port()
                        + "` (" + bind.getMessage() + "); is another process using the port? choose another, or 0 to "
                        + "pick a free one");
                friendly.initCause(e);
                throw friendly;
            }
            throw new IOException("cannot start the local engine's HTTP server: " + e.getMessage(), e);
        }
    }

    private static BindException bindException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException b) {
                return b;
            }
        }
        return null;
    }

    private static void stopQuietly(Server http) {
        try {
            http.stop();
        } catch (Exception ignored) {
            // already failing: the first error is the one to report
        }
    }

    /** The port it listens on (the chosen one when configured with 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Makes the next {@code n} DynamoDB requests fail as DynamoDB fails a throttled request
     * ({@code ProvisionedThroughputExceededException}), for testing callers' retries.
     */
    public void throttleNext(int n) {
        dispatcher.faults().throttleNext(n, EngineFaults.Throttle.PROVISIONED_THROUGHPUT);
    }

    /** The faults this engine shows on request (throttling, slowness), for testing callers. */
    public EngineFaults faults() {
        return dispatcher.faults();
    }

    /** The URI for the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    /** Stops listening and closes the DynamoDB service. */
    @Override
    public void close() {
        stopQuietly(http);
        dynamo.close();
    }
}
