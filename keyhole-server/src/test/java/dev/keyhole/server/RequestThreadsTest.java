package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.Caller;
import dev.keyhole.server.demo.DemoWorld;
import java.io.OutputStream;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which threads serve requests: virtual ones where the JDK lets them block inside {@code synchronized} (24 on). */
class RequestThreadsTest {

    @Test
    void requestsRunOnVirtualThreadsFromJdk24AndOnPlatformThreadsBefore() throws Exception {
        Path root = Files.exists(Path.of("examples")) ? Path.of(".") : Path.of("..");
        AtomicReference<Thread> servedBy = new AtomicReference<>();
        Route probe = Route.get("/api/v1/test/thread", "Which thread serves a request (test only)", ctx -> {
            servedBy.set(Thread.currentThread());
            Http.json(ctx, Http.object().put("ok", true));
        });
        try (DemoWorld world = new DemoWorld(root, Files.createTempDirectory("keyhole-threads"), Clock.systemUTC(),
                token -> {
                    if (token.equals("alice-token")) {
                        return new Caller("alice", Set.of("oncall"));
                    }
                    throw new ApiError(401, "unauthenticated", "unknown token");
                });
             KeyholeServer server = KeyholeServer.start(world.services(), new Sessions(Clock.systemUTC(),
                     Duration.ofHours(1)), List.of(probe), "127.0.0.1", 0, "test",
                     new PrintStream(OutputStream.nullOutputStream()))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/test/thread"))
                    .header("Authorization", "Bearer alice-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(servedBy.get().isVirtual()).isEqualTo(Runtime.version().feature() >= 24);
        }
    }
}
