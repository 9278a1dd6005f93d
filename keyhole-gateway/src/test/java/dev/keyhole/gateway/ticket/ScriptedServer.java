package dev.keyhole.gateway.ticket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free local port that answers every request with the reply it was given last,
 * and records what it received: a stand-in for Jira, PagerDuty or a webhook that speaks real HTTP.
 */
final class ScriptedServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile Map<String, String> replyHeaders = Map.of("Content-Type", "application/json");
    private volatile boolean hang;

    private ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static ScriptedServer start() throws IOException {
        return new ScriptedServer();
    }

    /** The server's root, e.g. {@code http://127.0.0.1:40123}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, answer {@code status} with {@code body} as JSON. */
    ScriptedServer answer(int status, String body) {
        this.status = status;
        this.body = body;
        this.hang = false;
        return this;
    }

    /** From now on, answer {@code status} with {@code body} and exactly these headers. */
    ScriptedServer answer(int status, String body, Map<String, String> headers) {
        this.replyHeaders = Map.copyOf(headers);
        return answer(status, body);
    }

    /** From now on, accept requests but never answer them (until closed). */
    ScriptedServer hang() {
        this.hang = true;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange x) throws IOException {
        String requestBody = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(x.getRequestMethod(), x.getRequestURI().getRawPath(),
                x.getRequestURI().getRawQuery(), Map.copyOf(x.getRequestHeaders()), requestBody));
        if (hang) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        replyHeaders.forEach((k, v) -> x.getResponseHeaders().add(k, v));
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
