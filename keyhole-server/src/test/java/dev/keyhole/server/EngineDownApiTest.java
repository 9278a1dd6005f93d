package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API while DynamoDB is stopped: a run that cannot reach it, after keyhole's bounded retries, answers
 * 503 {@code aws-unavailable} with its correlation id (not a 500), and its {@code finished} record says
 * {@code failure: engine-unavailable}.
 */
class EngineDownApiTest {

    private static final String RUN = "{\"params\":{\"customerId\":\"C-1001\",\"since\":\"2020-01-01T00:00:00Z\"},"
            + "\"ticket\":\"INC-51\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void aRunAgainstAStoppedEngineAnswers503AndIsRecordedAsEngineUnavailable() throws Exception {
        HttpResponse<String> before = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token", RUN);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        s.world.engine().close(); // the credentials stay cached: the next run goes straight to DynamoDB
        HttpResponse<String> down = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token", RUN);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        JsonNode body = JSON.readTree(down.body());
        assertThat(body.get("error").asText()).isEqualTo("aws-unavailable");
        assertThat(body.get("message").asText()).startsWith("AWS did not answer: ").endsWith("; try again later");
        String id = down.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(body.get("correlationId").asText()).isEqualTo(id);
        JsonNode records = JSON.readTree(s.get("/api/v1/audit?correlationId=" + id, "alice-token").body()).get("records");
        assertThat(records).extracting(r -> r.get("type").asText()).containsExactly("started", "finished");
        assertThat(records.get(1).get("outcome").asText()).isEqualTo("failed");
        assertThat(records.get(1).get("failure").asText()).isEqualTo("engine-unavailable");
    }
}
