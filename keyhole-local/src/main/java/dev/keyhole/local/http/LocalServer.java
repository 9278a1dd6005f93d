package dev.keyhole.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import dev.keyhole.local.dynamodb.DynamoDbException;
import dev.keyhole.local.dynamodb.DynamoDbService;
import dev.keyhole.local.security.Caller;
import dev.keyhole.local.security.Denials;
import dev.keyhole.local.security.IamFile;
import dev.keyhole.local.security.Identities;
import dev.keyhole.local.security.RequestContexts;
import dev.keyhole.local.signing.AuthFailure;
import dev.keyhole.local.signing.ReceivedRequest;
import dev.keyhole.local.signing.SigV4Verifier;
import dev.keyhole.local.sts.StsError;
import dev.keyhole.local.sts.StsService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/**
 * {@code keyhole local}: serves DynamoDB's JSON 1.0 protocol ({@code X-Amz-Target: DynamoDB_20120810.*})
 * and STS's query protocol on one port. Every request is authenticated by SigV4 (recomputed with the
 * SDK's signer) and every DynamoDB call authorized with keyhole's IAM evaluator on the actions,
 * resources and condition keys DynamoDB itself would use, before the engine sees it.
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

    /** The largest request body accepted (DynamoDB's own request limit is 16 MB). */
    static final int MAX_BODY = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(LocalServer.class.getName());
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private final HttpServer http;
    private final ExecutorService executor;
    private final DynamoDbService dynamo;
    private final Identities identities;
    private final StsService sts;
    private final LocalServerConfig config;
    private final Principal unauthenticated;
    private final RequestIds requestIds = new RequestIds();
    private final EngineFaults faults = new EngineFaults();

    private LocalServer(LocalServerConfig config, DynamoDbService dynamo, Identities identities) throws IOException {
        this.config = config;
        this.dynamo = dynamo;
        this.identities = identities;
        this.sts = new StsService(identities);
        this.unauthenticated = new Principal(PrincipalType.USER, "arn:aws:iam::" + identities.account() + ":user/anonymous",
                "AIDAANONYMOUS", identities.account(), Map.of());
        this.http = bind(config.host(), config.port());
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
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

    private static HttpServer bind(String host, int port) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress(host, port), 1024);
        } catch (BindException e) {
            BindException friendly = new BindException("cannot listen on `" + host + ":" + port + "` (" + e.getMessage()
                    + "); is another process using the port? choose another, or 0 to pick a free one");
            friendly.initCause(e);
            throw friendly;
        }
    }

    /** The port it listens on (the chosen one when configured with 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * Makes the next {@code n} DynamoDB requests fail as DynamoDB fails a throttled request
     * ({@code ProvisionedThroughputExceededException}), for testing callers' retries.
     */
    public void throttleNext(int n) {
        faults.throttleNext(n, EngineFaults.Throttle.PROVISIONED_THROUGHPUT);
    }

    /** The faults this engine shows on request (throttling, slowness), for testing callers. */
    public EngineFaults faults() {
        return faults;
    }

    /** The URI for the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    /** Stops listening and closes the DynamoDB service. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        dynamo.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        String requestId = requestIds.next();
        // INVARIANT: the catch sits inside the try-with-resources, so the exchange is still open when the 500 is
        // sent (a catch of the try-with-resources itself runs after close, and the client got no answer at all).
        try (ex) {
            try {
                answer(ex, requestId);
            } catch (RuntimeException e) {
                // The client gets no detail; the operator gets the request id and where it broke.
                LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
                sendJson(ex, 500, requestId, error(DynamoDbException.DYNAMODB + "InternalServerError",
                        "Internal server error"));
            }
        }
    }

    private void answer(HttpExchange ex, String requestId) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = readBody(in, ex.getRequestHeaders().getFirst("Content-Length"));
        }
        if (body.length > MAX_BODY) {
            sendJson(ex, 413, requestId, error(DynamoDbException.DYNAMODB + "ValidationException",
                    "Request body exceeds the maximum of " + MAX_BODY + " bytes"));
            return;
        }
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.startsWith(TARGET_PREFIX)) {
            faults.onDynamoDb();
            dynamoDb(ex, target.substring(TARGET_PREFIX.length()), body, requestId);
        } else {
            faults.onSts();
            sts(ex, body, requestId);
        }
    }

    /** Reads exactly Content-Length bytes when the client says how many (most do), else up to the limit. */
    private static byte[] readBody(InputStream in, String contentLength) throws IOException {
        if (contentLength != null) {
            try {
                long n = Long.parseLong(contentLength.trim());
                if (n >= 0 && n <= MAX_BODY) {
                    return in.readNBytes((int) n);
                }
            } catch (NumberFormatException ignored) {
                // fall through to a bounded read
            }
        }
        return in.readNBytes(MAX_BODY + 1);
    }

    private ReceivedRequest received(HttpExchange ex, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return new ReceivedRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(), headers, body);
    }

    private Caller authenticate(ReceivedRequest req) {
        if (!config.enforceIam()) {
            return new Caller(unauthenticated, null, null);
        }
        return identities.authenticate(req);
    }

    private String region(ReceivedRequest req) {
        try {
            return SigV4Verifier.parse(req).region();
        } catch (AuthFailure e) {
            return config.region();
        }
    }

    private void dynamoDb(HttpExchange ex, String operation, byte[] body, String requestId) throws IOException {
        ReceivedRequest req = received(ex, body);
        Caller caller;
        try {
            caller = authenticate(req);
        } catch (AuthFailure f) {
            sendJson(ex, 400, requestId,
                    error(DynamoDbException.CORAL + f.dynamoDbCode(), f.getMessage()));
            return;
        }
        JsonNode request;
        try {
            request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            sendJson(ex, 400, requestId, error("com.amazon.coral.service#SerializationException",
                    "Start of structure or map found where not expected."));
            return;
        }
        try {
            if (config.enforceIam()) {
                authorize(caller, operation, request, region(req), ex);
            }
            faults.throttleIfDue();
            JsonNode response = dynamo.handle(operation, request);
            sendJson(ex, 200, requestId, response);
        } catch (DynamoDbException e) {
            ObjectNode err = error(e.type(), e.getMessage());
            if (e.details() != null) {
                err.setAll(e.details());
            }
            sendJson(ex, e.status(), requestId, err);
        }
    }

    private void authorize(Caller caller, String operation, JsonNode request, String region, HttpExchange ex) {
        List<IamCheck> checks = DynamoIam.derive(operation, request, region, identities.account(), dynamo.schemas());
        Instant now = identities.clock().instant();
        for (IamCheck c : checks) {
            RequestContext.Builder ctx = RequestContexts.global(caller, region, now, false,
                    ex.getRemoteAddress().getAddress().getHostAddress());
            c.keys().forEach(ctx::put);
            Decision d = caller.policies().evaluate(new Request(caller.principal(), c.action(), c.resource(), ctx.build()));
            if (!d.allowed()) {
                throw new DynamoDbException(DynamoDbException.CORAL + "AccessDeniedException",
                        Denials.message(caller.principal().arn(), c.action(), c.resource(), d), 400);
            }
        }
    }

    private void sts(HttpExchange ex, byte[] body, String requestId) throws IOException {
        ReceivedRequest req = received(ex, body);
        Map<String, String> params = new LinkedHashMap<>();
        try {
            form(ex.getRequestURI().getRawQuery(), params);
            form(new String(body, StandardCharsets.UTF_8), params);
            Caller caller;
            try {
                caller = identities.authenticate(req);
            } catch (AuthFailure f) {
                throw new StsError(f.stsCode(), f.getMessage(), 403);
            }
            String xml = sts.handle(caller, params, region(req), ex.getRemoteAddress().getAddress().getHostAddress(),
                    requestId);
            send(ex, 200, requestId, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
        } catch (StsError e) {
            send(ex, e.status(), requestId, "text/xml",
                    StsService.errorXml(e.code(), e.getMessage(), requestId, true).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void form(String raw, Map<String, String> out) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            } catch (IllegalArgumentException e) {
                // A bad %-escape. STS's common error for it, with its status, per
                // https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html (MalformedQueryString).
                throw new StsError("MalformedQueryString", "The query string contains a syntax error: a `%` must "
                        + "start an escape of two hex digits, as in `%2F`", 404);
            }
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("__type", type);
        o.put("message", message);
        return o;
    }

    private static void sendJson(HttpExchange ex, int status, String requestId, JsonNode body) throws IOException {
        send(ex, status, requestId, "application/x-amz-json-1.0", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String requestId, String contentType, byte[] bytes)
            throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("x-amzn-RequestId", requestId);
        h.set("x-amz-crc32", Long.toString(crc.getValue()));
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
