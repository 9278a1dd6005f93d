package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which threads serve requests: virtual ones where the JDK lets them block inside {@code synchronized} (24 on). */
class RequestThreadsTest {

    @Test
    void requestsRunOnVirtualThreadsFromJdk24AndOnPlatformThreadsBefore() throws Exception {
        AtomicReference<Thread> servedBy = new AtomicReference<>();
        Route probe = Route.get("/api/v1/test/thread", "Which thread serves a request (test only)", ctx -> {
            servedBy.set(Thread.currentThread());
            Http.json(ctx, Http.object().put("ok", true));
        });
        try (RunningServer s = new RunningServer(List.of(probe))) {
            HttpResponse<String> r = s.get("/api/v1/test/thread", "alice-token");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(servedBy.get().isVirtual()).isEqualTo(Runtime.version().feature() >= 24);
        }
    }
}
