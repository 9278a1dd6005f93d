package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API over real HTTP: authentication on every route, runs with cursors, refusals, errors, headers. */
class ServerApiTest {

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

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "x");
    }

    @Test
    void everyRouteButHealthSignInAndStaticAssetsRefusesCallersWithoutAValidToken() throws Exception {
        int checked = 0;
        for (Route r : s.server.routes()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(s.uri(concrete(r.path())))
                    .method(r.method().name(), HttpRequest.BodyPublishers.ofString("{}"));
            HttpResponse<String> none = s.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> bad = s.http.send(HttpRequest.newBuilder(s.uri(concrete(r.path())))
                    .method(r.method().name(), HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Authorization", "Bearer not-a-token").build(), HttpResponse.BodyHandlers.ofString());
            if (r.open()) {
                assertThat(r.path()).isIn("/healthz", "/login", "/assets/*", "/webjars/*");
                continue;
            }
            checked++;
            if (r.html() && r.method().name().equals("GET")) {
                assertThat(none.statusCode()).as(r.path()).isEqualTo(302);
                assertThat(none.headers().firstValue("Location")).hasValue("/login");
            } else {
                assertThat(none.statusCode()).as(r.method() + " " + r.path()).isEqualTo(401);
            }
            assertThat(bad.statusCode()).as("bad token " + r.method() + " " + r.path()).isEqualTo(401);
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
        assertThat(s.get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(s.get("/api/openapi.json", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheJsonRoutes() throws Exception {
        JsonNode doc = json(s.get("/api/openapi.json", "alice-token"));
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new HashSet<>();
        for (Iterator<String> p = doc.get("paths").fieldNames(); p.hasNext(); ) {
            String path = p.next();
            doc.get("paths").get(path).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path));
        }
        Set<String> registered = new HashSet<>();
        s.server.routes().stream().filter(r -> !r.html()).forEach(r -> registered.add(r.method().name() + " " + r.path()));
        assertThat(documented).isEqualTo(registered);
        assertThat(doc.at("/paths/~1api~1v1~1runbooks~1{name}~1runs/post/parameters/0/name").asText()).isEqualTo("name");
    }

    @Test
    void aRunPagesThroughResultsWithItsSealedCursorAndIsAudited() throws Exception {
        HttpResponse<String> first = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                "{\"params\":{\"customerId\":\"C-1001\",\"since\":\"-P365D\"},\"ticket\":\"INC-42\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode page = json(first);
        assertThat(page.get("items")).isNotEmpty();
        assertThat(page.get("items").get(0).get("customerId").asText()).isEqualTo("C-1001");
        String id = first.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(page.get("correlationId").asText()).isEqualTo(id);
        JsonNode audit = json(s.get("/api/v1/audit?correlationId=" + id, "alice-token"));
        assertThat(audit.get("records")).extracting(r -> r.get("type").asText()).containsExactly("started", "finished");
        assertThat(audit.get("records").get(0).get("status").asText()).isEqualTo("finished");
        if (page.hasNonNull("cursor")) {
            HttpResponse<String> next = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                    "{\"params\":{\"customerId\":\"C-1001\",\"since\":\"-P365D\"},\"ticket\":\"INC-42\",\"cursor\":"
                            + JSON.writeValueAsString(page.get("cursor").asText()) + "}");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            assertThat(json(next).get("items").get(0).get("orderId").asText())
                    .isNotEqualTo(page.get("items").get(0).get("orderId").asText());
        }
        assertThat(json(s.get("/api/v1/audit/verify", "dan-token")).get("ok").asBoolean()).isTrue();
    }

    @Test
    void aCallersCorrelationIdIsUsedForTheRunAndEchoed() throws Exception {
        HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(s.uri("/api/v1/runbooks/orders-by-customer/runs"))
                .header("Authorization", "Bearer alice-token").header("X-Correlation-Id", "INC-42.page-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"customerId\":\"C-1002\"},\"ticket\":\"INC-42\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Correlation-Id")).hasValue("INC-42.page-1");
        assertThat(json(r).get("correlationId").asText()).isEqualTo("INC-42.page-1");
    }

    @Test
    void refusalsAreForbiddenWithTheirKindAndBadInputIsAClearBadRequest() throws Exception {
        HttpResponse<String> noTicket = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                "{\"params\":{\"customerId\":\"C-1001\"}}");
        assertThat(noTicket.statusCode()).isEqualTo(403);
        assertThat(json(noTicket).get("kind").asText()).isEqualTo("ticket-missing");
        HttpResponse<String> notRunner = s.post("/api/v1/runbooks/orders-by-customer/runs", "dan-token",
                "{\"params\":{\"customerId\":\"C-1001\"},\"ticket\":\"INC-1\"}");
        assertThat(json(notRunner).get("kind").asText()).isEqualTo("not-allowed");
        HttpResponse<String> badParam = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                "{\"params\":{\"customerId\":\"C-1001) OR x\"},\"ticket\":\"INC-1\"}");
        assertThat(badParam.statusCode()).isEqualTo(400);
        HttpResponse<String> notJson = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token", "{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("message").asText()).startsWith("the body is not valid JSON");
        assertThat(json(notJson).get("correlationId").asText()).isEqualTo(notJson.headers().firstValue("X-Correlation-Id").orElseThrow());
        HttpResponse<String> missing = s.get("/api/v1/runbooks/no-such", "alice-token");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).isEqualTo("not-found");
        // Found by the fuzzer: a well-formed case whose identity policy has a statement without Resource was a 500.
        HttpResponse<String> badPolicy = s.post("/api/v1/policy/simulate", "alice-token",
                "{\"request\":{\"action\":\"dynamodb:GetItem\",\"resource\":\"*\",\"principal\":{\"arn\":\"a\"}},"
                        + "\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"dynamodb:*\"}]}]}");
        assertThat(badPolicy.statusCode()).isEqualTo(400);
        assertThat(json(badPolicy).get("message").asText()).contains("needs `Resource`");
    }

    @Test
    void cookieSessionsNeedTheCsrfTokenForWrites() throws Exception {
        HttpResponse<String> login = s.http.send(HttpRequest.newBuilder(s.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=bob-token")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode session = json(s.http.send(HttpRequest.newBuilder(s.uri("/api/v1/session")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(session.get("user").asText()).isEqualTo("bob");
        String body = "{\"runbook\":\"payments-by-order\",\"ticket\":\"INC-8\",\"reason\":\"csrf test\"}";
        HttpResponse<String> forged = s.http.send(HttpRequest.newBuilder(s.uri("/api/v1/grants")).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("error").asText()).isEqualTo("csrf");
        assertThat(s.grants.list("bob", null)).noneMatch(g -> g.reason().equals("csrf test"));
        HttpResponse<String> real = s.http.send(HttpRequest.newBuilder(s.uri("/api/v1/grants")).header("Cookie", cookie)
                .header("X-CSRF-Token", session.get("csrf").asText())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(real.statusCode()).as(real.body()).isEqualTo(201);
        HttpResponse<String> wrongToken = s.http.send(HttpRequest.newBuilder(s.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=guess")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutRunning() throws Exception {
        String huge = "{\"params\":{\"customerId\":\"" + "x".repeat((int) KeyholeServer.MAX_REQUEST_BYTES) + "\"}}";
        HttpResponse<String> r = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token", huge);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndACorrelationId() throws Exception {
        for (HttpResponse<String> r : new HttpResponse[] {s.get("/healthz", null), s.get("/api/v1/runbooks", null),
                s.get("/api/v1/runbooks", "alice-token"), s.get("/nowhere", "alice-token")}) {
            assertThat(r.headers().firstValue("X-Correlation-Id")).isPresent();
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void approvalsAndExceptionsWorkOverTheApiWithTwoPeople() throws Exception {
        HttpResponse<String> refused = s.post("/api/v1/runbooks/payments-by-order/runs", "bob-token",
                "{\"params\":{\"orderId\":\"O-2001\"},\"ticket\":\"INC-7\"}");
        assertThat(json(refused).get("kind").asText()).isEqualTo("approval-required");
        JsonNode g = json(s.post("/api/v1/grants", "bob-token",
                "{\"runbook\":\"payments-by-order\",\"ticket\":\"INC-7\",\"reason\":\"refund dispute\"}"));
        String id = g.get("id").asText();
        assertThat(g.get("state").asText()).isEqualTo("pending");
        HttpResponse<String> self = s.post("/api/v1/grants/" + id + "/approve", "bob-token", "{}");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(json(self).get("error").asText()).isEqualTo("grant-refused");
        JsonNode approved = json(s.post("/api/v1/grants/" + id + "/approve", "carol-token", "{}"));
        assertThat(approved.get("state").asText()).isEqualTo("active");
        assertThat(approved.get("secondsLeft").asLong()).isPositive();
        JsonNode who = json(s.get("/api/v1/access/who-can/payments-by-order", "dan-token"));
        assertThat(who.get("cells")).anySatisfy(c -> {
            assertThat(c.get("principal").asText()).isEqualTo("bob");
            assertThat(c.get("allowed").asBoolean()).isTrue();
            assertThat(c.get("reason").asText()).contains("approval " + id + " by carol");
        });
    }

    @Test
    void metricsCountRunsRefusalsAndCredentials() throws Exception {
        s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                "{\"params\":{\"customerId\":\"C-1003\"},\"ticket\":\"INC-5\"}");
        s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token", "{\"params\":{\"customerId\":\"C-1003\"}}");
        String metrics = s.get("/metrics", "dan-token").body();
        assertThat(metrics).contains("keyhole_runs_seconds_count{outcome=\"ok\"}")
                .contains("keyhole_refusals_total{kind=\"ticket-missing\"}")
                .contains("keyhole_credentials_seconds_count{outcome=\"ok\"}");
    }

    @Test
    void logsAreJsonLinesWithTheCorrelationIdAndNoTokens() throws Exception {
        HttpResponse<String> r = s.get("/api/v1/runbooks", "alice-token");
        String id = r.headers().firstValue("X-Correlation-Id").orElseThrow();
        String logs = s.logs.toString();
        assertThat(logs.lines()).anySatisfy(l -> {
            JsonNode n = JSON.readTree(l);
            assertThat(n.get("correlationId").asText()).isEqualTo(id);
            assertThat(n.get("principal").asText()).isEqualTo("alice");
        });
        assertThat(logs).doesNotContain("alice-token").doesNotContain("dan-token");
    }
}
