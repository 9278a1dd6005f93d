package dev.keyhole.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.server.RunningServer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web UI in a real headless Chromium against a real server: sign in, run a runbook and page through its
 * results, find the run in the audit search with the chain verified, ask for and give an approval as two
 * people, watch an exception's time run out, and read the demo trail's drift findings. Screenshots of each step land in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {

    private static final Pattern GRANT_ID = Pattern.compile("g-[A-Z0-9]{8}");
    private static RunningServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = new RunningServer();
        try {
            browser = Browser.open(server.uri("").toString());
        } catch (Throwable t) {
            server.close();
            throw t;
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String grantId(String text) {
        Matcher m = GRANT_ID.matcher(text);
        assertThat(m.find()).as("a grant id in `%s`", text).isTrue();
        return m.group();
    }

    /** Runs payments-by-order for order O-2001 under {@code ticket} through its form. */
    private static void runPaymentsByOrder(String ticket) {
        browser.go("/runbooks/payments-by-order");
        browser.fill("#p-orderId", "O-2001");
        browser.fill("#ticket", ticket);
        browser.click("#run");
    }

    @Test
    @Order(1)
    void aliceSignsInRunsARunbookPagesThroughItsResultsAndFindsTheRunInTheAudit() throws Exception {
        browser.go("/runbooks");
        assertThat(browser.path()).isEqualTo("/login");
        browser.screenshot("sign-in");
        browser.signIn("alice-token");
        assertThat(browser.path()).isEqualTo("/runbooks");
        assertThat(browser.text("#signed-in-as")).isEqualTo("alice");
        assertThat(browser.text("#runbook-orders-by-customer")).contains("The orders of one customer").contains("customerId")
                .contains("group:oncall");
        browser.screenshot("catalog");

        browser.click("#open-orders-by-customer");
        assertThat(browser.path()).isEqualTo("/runbooks/orders-by-customer");
        browser.fill("#p-customerId", "C-1004");
        browser.fill("#p-since", "-P365D");
        browser.fill("#ticket", "INC-42");
        browser.screenshot("run-form");
        browser.click("#run");
        assertThat(browser.text("#page-number")).isEqualTo("1");
        assertThat(browser.text("#results-table thead")).startsWith("customerId orderId createdAt status total");
        String firstPage = browser.text("#results-table tbody");
        assertThat(firstPage).contains("C-1004");
        String correlationId = browser.text("#correlation-id");
        browser.screenshot("results-page-1");

        browser.click("#next-page");
        assertThat(browser.text("#page-number")).isEqualTo("2");
        String secondPage = browser.text("#results-table tbody");
        assertThat(secondPage).contains("C-1004").isNotEqualTo(firstPage);
        browser.screenshot("results-page-2");

        browser.go("/runbooks/orders-by-customer");
        browser.fill("#p-customerId", "C-1");
        browser.fill("#ticket", "INC-42");
        browser.click("#run");
        assertThat(browser.text("#error")).startsWith("bad-parameters:").contains("customerId");
        browser.screenshot("run-refused-bad-parameter");

        browser.go("/audit?ticket=INC-42");
        assertThat(browser.text("#chain-status")).startsWith("Chain verified:");
        String records = browser.text("#audit-records tbody");
        assertThat(records).contains(correlationId).contains("started").contains("finished").contains("allow · finished")
                .contains("orders-by-customer");
        browser.screenshot("audit-search");
    }

    @Test
    @Order(2)
    void bobAsksForApprovalCarolApprovesInHerInboxAndBobRuns() throws Exception {
        browser.signIn("bob-token");
        runPaymentsByOrder("INC-7");
        assertThat(browser.text("#error")).startsWith("approval-required:");

        browser.go("/approvals");
        browser.choose("#request-runbook option[value=payments-by-order]");
        browser.choose("#kind-approval");
        browser.fill("#request-ticket", "INC-7");
        browser.fill("#request-reason", "refund dispute");
        browser.click("#request-submit");
        String notice = browser.text("#notice");
        assertThat(notice).contains("requested").endsWith("it is now pending");
        String id = grantId(notice);
        assertThat(browser.text("#mine-" + id)).contains("pending");
        browser.screenshot("bob-requests-approval");

        browser.signIn("carol-token");
        browser.go("/approvals");
        assertThat(browser.text("#inbox-" + id)).contains("bob").contains("INC-7").contains("refund dispute");
        browser.screenshot("carol-inbox");
        browser.click("#approve-" + id);
        assertThat(browser.text("#notice")).contains(id).endsWith("it is now active");
        assertThat(browser.has("#inbox-" + id)).isFalse();

        browser.signIn("bob-token");
        runPaymentsByOrder("INC-7");
        assertThat(browser.text("#you")).contains("may run it").contains(id);
        assertThat(browser.has("#error")).isFalse();
        assertThat(browser.text("#results-table tbody")).contains("O-2001");
        browser.screenshot("bob-runs-after-approval");
    }

    @Test
    @Order(3)
    void anExceptionShowsItsTimeLeftThenExpiresAndItsRunsAreRefused() throws Exception {
        browser.signIn("alice-token");
        browser.go("/approvals");
        browser.choose("#request-runbook option[value=payments-by-order]");
        browser.choose("#kind-exception");
        browser.fill("#duration", "PT30M");
        browser.fill("#request-ticket", "INC-9");
        browser.fill("#request-reason", "sev2: double charges");
        browser.click("#request-submit");
        String id = grantId(browser.text("#notice"));

        browser.signIn("dan-token");
        browser.go("/approvals");
        browser.click("#approve-" + id);
        assertThat(browser.text("#notice")).contains(id).endsWith("it is now active");

        browser.signIn("alice-token");
        browser.go("/exceptions");
        String row = browser.text("#exception-" + id);
        assertThat(row).contains("active").contains("dan").containsPattern("(29m|30m) \\d\\ds");
        browser.screenshot("exception-time-left");
        runPaymentsByOrder("INC-9");
        assertThat(browser.text("#results-table tbody")).contains("O-2001");
        browser.go("/access");
        assertThat(browser.text("#who-alice")).contains("exception " + id);
        browser.screenshot("who-can-run-what");

        server.clock.move(Duration.ofMinutes(31));
        try {
            browser.go("/exceptions");
            assertThat(browser.find("#exception-" + id + " .state").getText()).isEqualTo("expired");
            browser.screenshot("exception-expired");
            runPaymentsByOrder("INC-9");
            assertThat(browser.text("#error")).matches("(not-allowed|grant-expired): .*");
            assertThat(browser.has("#results-table")).isFalse();
            browser.screenshot("run-refused-after-expiry");
        } finally {
            server.clock.move(Duration.ZERO);
        }
    }

    @Test
    @Order(4)
    void theDriftPageShowsTheDemoTrailsFindingsAndDanScansNow() throws Exception {
        server.seedDrift();
        browser.signIn("alice-token");
        browser.go("/drift");
        assertThat(browser.text("#drift-last-scan")).startsWith("Last scan").contains("by schedule");
        String findings = browser.text("#drift-findings tbody");
        assertThat(findings).contains("critical keyhole-session-unaudited").contains("kh-leaked-session (mallory)")
                .contains("access-denied-burst").contains("standing-access-runbook-work");
        assertThat(browser.text("#drift-unused")).contains("role/orders-service");
        assertThat(browser.has("#drift-scan-now")).isFalse();
        browser.screenshot("drift-findings");

        browser.signIn("dan-token");
        browser.go("/drift");
        browser.click("#drift-scan-now");
        assertThat(browser.text("#notice")).isEqualTo("scan finished");
        assertThat(browser.text("#drift-last-scan")).contains("by dan");
        assertThat(browser.text("#drift-findings tbody")).contains("keyhole-session-unaudited");
        browser.screenshot("drift-scanned-by-dan");
    }
}
