package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.server.ui.FormSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed in is not allowed: every route that changes something, walked from the route table, refuses eve —
 * signed in, in no group — with 403 and leaves grants and the audit log as they were but for her refusal.
 * A write route added without a line here fails {@link #everyWriteRouteIsWalked}.
 */
class AuthorizationWalkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningServer s;
    private static FormSession eveInBrowser;
    private static String pending;

    /** A write as eve, answering its HTTP response. */
    private interface Attempt {
        HttpResponse<String> run() throws Exception;
    }

    /** Every write route, and how eve tries it with a request that would work for the right person. */
    private static final Map<String, Attempt> ATTEMPTS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        s = new RunningServer();
        eveInBrowser = new FormSession(s, "eve-token");
        pending = JSON.readTree(s.post("/api/v1/grants", "bob-token",
                "{\"runbook\":\"payments-by-order\",\"ticket\":\"INC-9\",\"reason\":\"refund dispute\"}").body()).get("id").asText();
        String run = "{\"params\":{\"customerId\":\"C-1001\",\"since\":\"-P365D\"},\"ticket\":\"INC-9\"}";
        ATTEMPTS.put("POST /api/v1/runbooks/{name}/runs", () -> s.post("/api/v1/runbooks/orders-by-customer/runs", "eve-token", run));
        ATTEMPTS.put("POST /api/v1/grants", () -> s.post("/api/v1/grants", "eve-token",
                "{\"runbook\":\"payments-by-order\",\"ticket\":\"INC-9\",\"reason\":\"curious\"}"));
        ATTEMPTS.put("POST /api/v1/grants/{id}/approve", () -> s.post("/api/v1/grants/" + pending + "/approve", "eve-token", "{}"));
        ATTEMPTS.put("POST /api/v1/grants/{id}/deny", () -> s.post("/api/v1/grants/" + pending + "/deny", "eve-token",
                "{\"reason\":\"no\"}"));
        ATTEMPTS.put("POST /api/v1/grants/{id}/revoke", () -> s.post("/api/v1/grants/" + pending + "/revoke", "eve-token",
                "{\"reason\":\"no\"}"));
        ATTEMPTS.put("POST /runbooks/{name}/run", () -> eveInBrowser.post("/runbooks/orders-by-customer/run",
                Map.of("p.customerId", "C-1001", "p.since", "-P365D", "ticket", "INC-9")));
        ATTEMPTS.put("POST /grants", () -> eveInBrowser.post("/grants",
                Map.of("runbook", "payments-by-order", "ticket", "INC-9", "reason", "curious")));
        ATTEMPTS.put("POST /grants/{id}/approve", () -> eveInBrowser.post("/grants/" + pending + "/approve", Map.of()));
        ATTEMPTS.put("POST /grants/{id}/deny", () -> eveInBrowser.post("/grants/" + pending + "/deny", Map.of("reason", "no")));
        ATTEMPTS.put("POST /grants/{id}/revoke", () -> eveInBrowser.post("/grants/" + pending + "/revoke", Map.of("reason", "no")));
        // a drift scan is for members of drift.triggeredBy (the demo: security) only
        ATTEMPTS.put("POST /api/v1/drift/scan", () -> s.post("/api/v1/drift/scan", "eve-token", ""));
        ATTEMPTS.put("POST /drift/scan", () -> eveInBrowser.post("/drift/scan", Map.of()));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /**
     * Routes that change nothing but the caller's own sign-in, or compute without state: not walked.
     * {@code POST /api/v1/policy/simulate} decides a request against policies the caller sends.
     */
    private static final Set<String> NOT_WRITES = Set.of("POST /login", "POST /logout", "POST /api/v1/policy/simulate");

    @Test
    void everyWriteRouteIsWalked() {
        Set<String> writes = new TreeSet<>();
        for (Route r : s.server.routes()) {
            String key = r.method().name() + " " + r.path();
            if (!r.method().name().equals("GET") && !r.open() && !NOT_WRITES.contains(key)) {
                writes.add(key);
            }
        }
        assertThat(writes).containsExactlyInAnyOrderElementsOf(ATTEMPTS.keySet());
    }

    @Test
    void everyWriteRouteRefusesASignedInCallerWithoutTheRightAndChangesNothing() throws Exception {
        List<Grant> grantsBefore = s.grants.list(null, null);
        for (Map.Entry<String, Attempt> a : ATTEMPTS.entrySet()) {
            HttpResponse<String> r = a.getValue().run();
            assertThat(r.statusCode()).as(a.getKey() + ": " + r.body()).isEqualTo(403);
        }
        assertThat(s.grants.list(null, null)).isEqualTo(grantsBefore);
        assertThat(s.grants.find(pending).map(g -> s.grants.stateNow(g))).contains(Grant.State.PENDING);
        var eve = s.audit.store().search(new AuditQuery(null, null, "eve", null, null, null, null, 100));
        assertThat(eve).isNotEmpty().allSatisfy(rec -> assertThat(rec.event().type()).isEqualTo(AuditEvent.Type.REFUSED));
    }

    @Test
    void theRightPersonCanDoWhatEveCannot() throws Exception {
        HttpResponse<String> run = s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                "{\"params\":{\"customerId\":\"C-1001\",\"since\":\"-P365D\"},\"ticket\":\"INC-9\"}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode denied = JSON.readTree(s.post("/api/v1/grants", "bob-token",
                "{\"runbook\":\"payments-by-order\",\"ticket\":\"INC-10\",\"reason\":\"second dispute\"}").body());
        HttpResponse<String> deny = s.post("/api/v1/grants/" + denied.get("id").asText() + "/deny", "carol-token",
                "{\"reason\":\"not needed\"}");
        assertThat(deny.statusCode()).as(deny.body()).isEqualTo(200);
    }
}
