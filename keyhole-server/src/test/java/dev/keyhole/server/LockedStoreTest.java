package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Another process holding the SQLite store's write lock makes writers wait inside SQLite (native code, which
 * holds a virtual thread's carrier); the server must keep answering everything else meanwhile, and finish the
 * waiting requests once the lock goes.
 */
class LockedStoreTest {

    @Test
    void requestsWaitingForAnotherProcesssWriteLockDoNotStopTheServer() throws Exception {
        try (RunningServer s = new RunningServer()) {
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + s.stateFile().toAbsolutePath());
                 Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE"); // the write lock, as another keyhole process mid-commit holds it
                try {
                    // More writers than the store has connections, and runs (their started records) besides.
                    for (int i = 0; i < 12; i++) {
                        waiting.add(send(s, s.request("/api/v1/grants", "bob-token", "{\"runbook\":\"payments-by-order\","
                                + "\"ticket\":\"INC-" + (900 + i) + "\",\"reason\":\"locked store\"}")));
                    }
                    for (int i = 0; i < 4; i++) {
                        waiting.add(send(s, s.request("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                                "{\"params\":{\"customerId\":\"C-1001\"},\"ticket\":\"INC-" + (950 + i) + "\"}")));
                    }
                    Thread.sleep(1_000); // they are all in SQLite's busy wait, or queued behind it, by now
                    assertThat(waiting).noneMatch(CompletableFuture::isDone);
                    assertThat(send(s, s.request("/healthz", null, null)).get(10, TimeUnit.SECONDS).statusCode())
                            .isEqualTo(200);
                    assertThat(send(s, s.request("/api/v1/runbooks", "alice-token", null)).get(10, TimeUnit.SECONDS)
                            .statusCode()).isEqualTo(200);
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

    private static CompletableFuture<HttpResponse<String>> send(RunningServer s, java.net.http.HttpRequest request) {
        return s.http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
