package dev.keyhole.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.server.RunningServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web UI over plain HTTP: every page renders, output is escaped, refusals keep their status, writes need CSRF. */
class WebUiPagesTest {

    private static RunningServer server;
    private static FormSession alice;

    @BeforeAll
    static void start() throws Exception {
        server = new RunningServer();
        alice = new FormSession(server, "alice-token");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> run(String customerId, String ticket) {
        Map<String, String> form = new HashMap<>();
        form.put("p.customerId", customerId);
        form.put("ticket", ticket);
        return form;
    }

    @Test
    void everyPageRendersAsHtmlAndItsFormsCarryTheCsrfToken() throws Exception {
        for (String path : new String[] {"/runbooks", "/runbooks/orders-by-customer", "/approvals", "/exceptions", "/access",
                "/audit", "/drift"}) {
            HttpResponse<String> r = alice.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(r.body()).as(path).contains("value=\"" + alice.csrf + "\"").contains("signed-in-as\">alice<");
        }
        assertThat(alice.get("/").headers().firstValue("Location")).hasValue("/runbooks");
    }

    @Test
    void theCatalogShowsPurposeParametersExamplesTargetAndWhoMayRunIt() throws Exception {
        String page = alice.get("/runbooks").body();
        assertThat(page).contains("The orders of one customer, newest first")
                .contains("<code>customerId</code>").contains("customerId=C-1001")
                .contains("table <code>Orders</code>").contains("<code>group:oncall</code>")
                .contains("1 approval(s) from");
    }

    @Test
    void aRunShowsItsItemsAsColumnsInProjectionOrder() throws Exception {
        HttpResponse<String> r = alice.post("/runbooks/orders-by-customer/run", run("C-1002", "INC-11"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).containsSubsequence("<th scope=\"col\">customerId</th>", "<th scope=\"col\">orderId</th>",
                "<th scope=\"col\">createdAt</th>", "<th scope=\"col\">status</th>", "<th scope=\"col\">total</th>");
        assertThat(r.body()).contains("<td>C-1002</td>").doesNotContain("shippingAddress");
    }

    @Test
    void refusalsAreShownBesideTheFormWithTheirStatus() throws Exception {
        HttpResponse<String> noTicket = alice.post("/runbooks/orders-by-customer/run", run("C-1001", ""));
        assertThat(noTicket.statusCode()).isEqualTo(403);
        assertThat(noTicket.body()).contains("role=\"alert\" id=\"error\">ticket-missing: ").contains("id=\"run-form\"");
        HttpResponse<String> badParameter = alice.post("/runbooks/orders-by-customer/run", run("C-1", "INC-1"));
        assertThat(badParameter.statusCode()).isEqualTo(400);
        assertThat(badParameter.body()).contains("bad-parameters: ").contains("value=\"C-1\"");
        HttpResponse<String> missing = alice.get("/runbooks/no-such");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no runbook `no-such`");
    }

    @Test
    void whatPeopleTypeIsEscaped() throws Exception {
        HttpResponse<String> r = alice.post("/runbooks/orders-by-customer/run", run("<script>alert(1)</script>", "INC-1"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        HttpResponse<String> search = alice.get("/audit?ticket=%22%3E%3Cb%3Ex");
        assertThat(search.body()).doesNotContain("\"><b>x").contains("value=\"&#34;>&lt;b>x\"");
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndRunsNothing() throws Exception {
        Map<String, String> form = run("C-1003", "INC-77");
        form.put("_csrf", "forged");
        HttpResponse<String> r = alice.post("/runbooks/orders-by-customer/run", form);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(alice.get("/audit?ticket=INC-77").body()).contains("0 records.");
    }

    @Test
    void badAuditSearchesAreABadRequestOnTheSearchPage() throws Exception {
        HttpResponse<String> r = alice.get("/audit?since=yesterday");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"audit-search\"").contains("`yesterday` is neither an instant");
    }

    @Test
    void theDriftPageListsTheLatestScansFindingsAndTheUnusedReportButNoScanButtonForAlice() throws Exception {
        assertThat(alice.get("/drift").body()).contains("No scan has finished yet.");
        server.seedDrift();
        String page = alice.get("/drift").body();
        assertThat(page).contains("<td>critical</td><td>keyhole-session-unaudited</td>").contains("kh-leaked-session (mallory)")
                .contains("<td>low</td><td>standing-access-runbook-work</td>").contains("(by schedule)")
                .contains("id=\"drift-unused\"").contains("arn:aws:iam::000000000000:role/orders-service")
                .doesNotContain("drift-scan-now").doesNotContain("keyhole-session-outside-record");
    }

    @Test
    void staticAssetsAreOpenAndTheStylesheetComesFromItsWebJar() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> css = anonymous.send(HttpRequest.newBuilder(server.uri("/webjars/picocss__pico/css/pico.min.css"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.body()).contains("Pico CSS");
        HttpResponse<String> js = anonymous.send(HttpRequest.newBuilder(server.uri("/assets/keyhole.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(js.statusCode()).isEqualTo(200);
        for (String path : new String[] {"/assets/../keyhole.db", "/assets/nothing.css", "/webjars/nothing/x.css",
                "/webjars/picocss__pico/package.json"}) {
            assertThat(anonymous.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(path).isEqualTo(404);
        }
    }
}
