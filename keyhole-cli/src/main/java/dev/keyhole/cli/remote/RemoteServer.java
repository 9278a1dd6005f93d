package dev.keyhole.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.cli.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A {@code keyhole serve} the CLI talks to instead of running embedded: JSON over HTTP with the caller's
 * token ({@code KEYHOLE_TOKEN}) as a bearer token. Server refusals keep their exit codes.
 */
public final class RemoteServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RemoteServer(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The server at {@code url} with the token from the environment; refuses to send a token over plain HTTP to another host. */
    public static RemoteServer fromEnvironment(String url) {
        String token = System.getenv("KEYHOLE_TOKEN");
        if (token == null || token.isBlank()) {
            throw new RemoteError(ExitCode.INVALID_INPUT, "unauthenticated", "set KEYHOLE_TOKEN to your API token "
                    + "(`keyhole tokens create USER` on the server) to use --server", null);
        }
        URI u = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        boolean local = "127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()) || "::1".equals(u.getHost());
        if (!"https".equals(u.getScheme()) && !local) {
            throw new RemoteError(ExitCode.INVALID_INPUT, "insecure", "--server must be https:// (plain http only to this machine)", null);
        }
        return new RemoteServer(u, token.strip());
    }

    public JsonNode get(String path, String correlationId) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), correlationId);
    }

    public JsonNode post(String path, JsonNode body, String correlationId) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), correlationId);
    }

    private JsonNode send(HttpRequest.Builder b, String correlationId) {
        b.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2));
        if (correlationId != null) {
            b.header("X-Correlation-Id", correlationId);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteError(ExitCode.FAILED, "unreachable", "cannot reach " + base + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteError(ExitCode.FAILED, "interrupted", "interrupted", null);
        }
        JsonNode n;
        try {
            n = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new RemoteError(ExitCode.FAILED, "bad-answer", base + " answered " + r.statusCode() + " with something that is not JSON", null);
        }
        if (r.statusCode() / 100 == 2) {
            return n;
        }
        String id = n.path("correlationId").asText(r.headers().firstValue("X-Correlation-Id").orElse(null));
        int exit = switch (r.statusCode()) {
            case 400, 404, 413 -> ExitCode.INVALID_INPUT;
            case 401, 403 -> ExitCode.DENIED;
            default -> ExitCode.FAILED;
        };
        String kind = n.hasNonNull("kind") ? n.get("kind").asText() : n.path("error").asText("error");
        throw new RemoteError(exit, kind, n.path("message").asText("the server answered " + r.statusCode()), id);
    }

    /** The server said no, or could not be reached; {@link #exitCode()} keeps keyhole's exit-code contract. */
    public static final class RemoteError extends RuntimeException {
        private final int exitCode;
        private final String kind;
        private final String correlationId;

        public RemoteError(int exitCode, String kind, String message, String correlationId) {
            super(message);
            this.exitCode = exitCode;
            this.kind = kind;
            this.correlationId = correlationId;
        }

        public int exitCode() {
            return exitCode;
        }

        public String kind() {
            return kind;
        }

        public String correlationId() {
            return correlationId;
        }
    }
}
