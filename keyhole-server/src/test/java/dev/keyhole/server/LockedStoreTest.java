package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another process holding the SQLite store's write lock makes writers wait inside SQLite (native code, which
 * holds a virtual thread's carrier); the server must keep answering everything else meanwhile, and finish the
 * waiting requests once the lock goes.
 */
class LockedStoreTest {

    private static RunningServer s;

    @BeforeAll
    static void start() throws Exception {
        s = new RunningServer();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void requestsWaitingForAnotherProcesssWriteLockDoNotStopTheServer() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + s.stateFile().toAbsolutePath());
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE"); // the write lock, as another keyhole process mid-commit holds it
            try {
                // More writers than the store has connections, and runs (their started records) besides.
                for (int i = 0; i < 12; i++) {
                    waiting.add(s.http.sendAsync(HttpRequest.newBuilder(s.uri("/api/v1/grants"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer bob-token")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"runbook\":\"payments-by-order\",\"ticket\":\"INC-"
                                    + (900 + i) + "\",\"reason\":\"locked store\"}")).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                for (int i = 0; i < 4; i++) {
                    waiting.add(s.http.sendAsync(HttpRequest.newBuilder(s.uri("/api/v1/runbooks/orders-by-customer/runs"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer alice-token")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"customerId\":\"C-1001\"},"
                                    + "\"ticket\":\"INC-" + (950 + i) + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                Thread.sleep(1_000); // they are all in SQLite's busy wait, or queued behind it, by now
                assertThat(waiting).noneMatch(CompletableFuture::isDone);
                HttpResponse<String> health = s.http.sendAsync(HttpRequest.newBuilder(s.uri("/healthz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                        .get(10, TimeUnit.SECONDS);
                assertThat(health.statusCode()).isEqualTo(200);
                HttpResponse<String> runbooks = s.http.sendAsync(HttpRequest.newBuilder(s.uri("/api/v1/runbooks"))
                        .header("Authorization", "Bearer alice-token").build(), HttpResponse.BodyHandlers.ofString())
                        .get(10, TimeUnit.SECONDS);
                assertThat(runbooks.statusCode()).isEqualTo(200);
            } finally {
                st.execute("ROLLBACK");
            }
        }
        for (CompletableFuture<HttpResponse<String>> f : waiting) {
            HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        }
    }
}
