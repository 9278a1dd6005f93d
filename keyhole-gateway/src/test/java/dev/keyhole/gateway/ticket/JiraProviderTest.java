package dev.keyhole.gateway.ticket;

import static dev.keyhole.gateway.ticket.Fixtures.TOKEN;
import static dev.keyhole.gateway.ticket.Fixtures.assertRevealsNoToken;
import static dev.keyhole.gateway.ticket.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JiraProviderTest {

    private static final String BASIC = JiraProvider.basic("bot@example.com", TOKEN);
    private ScriptedServer jira;

    @BeforeEach
    void start() throws IOException {
        jira = ScriptedServer.start().answer(200, Fixtures.text("jira-issue.json"));
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    private JiraProvider provider(boolean requireAssignee) {
        return new JiraProvider(jira.uri(), BASIC, requireAssignee, Duration.ofSeconds(5));
    }

    @Test
    void anIssueInProgressIsAcceptedWithItsStatusAssigneeAndSummary() {
        TicketVerdict v = provider(false).check(query("INC-7"));

        assertThat(v).isEqualTo(TicketVerdict.accept("`INC-7` is In Progress, assigned to Alice Lindqvist",
                "Orders of customer C-1001 show the wrong status after the refund batch"));
    }

    @Test
    void theIssueIsReadByKeyAskingOnlyForTheFieldsTheGateNeeds() {
        provider(false).check(query("INC-7"));

        assertThat(jira.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.rawPath()).isEqualTo("/rest/api/2/issue/INC-7");
            assertThat(r.rawQuery()).isEqualTo("fields=summary,status,assignee");
            assertThat(r.header("Accept")).isEqualTo("application/json");
        });
    }

    @Test
    void aBaseUrlWithAContextPathKeepsIt() {
        URI withContext = URI.create(jira.uri() + "/jira/");
        new JiraProvider(withContext, BASIC, false, Duration.ofSeconds(5)).check(query("INC-7"));

        assertThat(jira.last().rawPath()).isEqualTo("/jira/rest/api/2/issue/INC-7");
    }

    @Test
    void emailAndApiTokenAreSentAsBasicAuth() {
        provider(false).check(query("INC-7"));

        String expected = Base64.getEncoder()
                .encodeToString(("bot@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(jira.last().header("Authorization")).isEqualTo("Basic " + expected);
    }

    @Test
    void aPersonalAccessTokenIsSentAsBearer() {
        new JiraProvider(jira.uri(), JiraProvider.bearer(TOKEN), false, Duration.ofSeconds(5)).check(query("INC-7"));

        assertThat(jira.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void anIssueInTheDoneCategoryIsRejectedNamingItsStatus() {
        jira.answer(200, Fixtures.jiraIssue("Closed", "done").toString());

        TicketVerdict v = provider(false).check(query("INC-7"));

        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo("`INC-7` is Closed; runs need a ticket that is still open");
        assertThat(v.title()).startsWith("Orders of customer C-1001");
    }

    @Test
    void theStatusCategoryDecidesNotTheStatusName() {
        jira.answer(200, Fixtures.jiraIssue("Done", "new").toString());

        assertThat(provider(false).check(query("INC-7")).accepted()).isTrue();
    }

    @Test
    void aMissingOrInvisibleIssueIsRejected() {
        jira.answer(404, Fixtures.text("jira-issue-not-found.json"));

        TicketVerdict v = provider(false).check(query("INC-404"));

        assertThat(v).isEqualTo(TicketVerdict.reject(
                "`INC-404` does not exist in Jira, or keyhole's Jira account cannot see it", null));
    }

    @Test
    void aMovedIssueIsNamedByItsNewKey() {
        ObjectNode moved = Fixtures.json("jira-issue.json").put("key", "OPS-12");
        jira.answer(200, moved.toString());

        assertThat(provider(false).check(query("INC-7")).reason()).startsWith("`INC-7` (now `OPS-12`) is In Progress");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../x", "INC-7/../../../rest/api/2/myself", "INC-7?fields=*all", "INC-7#frag",
        "INC-7%2F..", "inc-7", " INC-7", "INC-7\n", "INC-", "7-INC", "INC-7/comment"})
    void anIdThatIsNotAnIssueKeyIsRejectedWithoutCallingJira(String hostile) {
        TicketVerdict v = provider(false).check(query(hostile));

        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).endsWith("is not a Jira issue key such as `INC-7`");
        assertThat(jira.received()).isEmpty();
    }

    @Test
    void withoutTheAssigneeRuleAnUnassignedIssueIsAccepted() {
        jira.answer(200, Fixtures.jiraIssueAssignedTo(null).toString());

        assertThat(provider(false).check(query("INC-7")))
                .extracting(TicketVerdict::accepted, TicketVerdict::reason)
                .containsExactly(true, "`INC-7` is In Progress, unassigned");
    }

    @Test
    void anUnassignedIssueIsRejectedWhenTheAssigneeMustBeTheRequester() {
        jira.answer(200, Fixtures.jiraIssueAssignedTo(null).toString());

        TicketVerdict v = provider(true).check(query("INC-7"));

        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo("`INC-7` is In Progress and unassigned; assign it to yourself to run under it");
    }

    @Test
    void anIssueAssignedToSomeoneElseIsRejectedWhenTheAssigneeMustBeTheRequester() {
        ObjectNode bob = TicketHttp.JSON.createObjectNode().put("accountId", "557058:bob")
                .put("emailAddress", "bob@example.com").put("displayName", "Bob Okafor");
        jira.answer(200, Fixtures.jiraIssueAssignedTo(bob).toString());

        TicketVerdict v = provider(true).check(query("INC-7"));

        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo("`INC-7` is In Progress, assigned to Bob Okafor, not to `alice`; "
                + "only its assignee may run under it");
    }

    @Test
    void theAssigneeMatchesTheRequesterEmailIgnoringCase() {
        // The fixture's assignee is alice@example.com; the query says Alice@Example.com.
        assertThat(provider(true).check(query("INC-7")).accepted()).isTrue();
    }

    @Test
    void theAssigneeMatchesADataCenterUserName() {
        ObjectNode server = TicketHttp.JSON.createObjectNode().put("name", "alice").put("key", "JIRAUSER10100")
                .put("emailAddress", "a.lindqvist@corp.example").put("displayName", "Alice Lindqvist");
        jira.answer(200, Fixtures.jiraIssueAssignedTo(server).toString());
        TicketQuery noEmail = new TicketQuery("INC-7", "alice", null, "orders-by-customer", "kh-1");

        assertThat(provider(true).check(noEmail).accepted()).isTrue();
    }

    @Test
    void theAssigneeMatchesACloudAccountIdWhenTheEmailIsHidden() {
        ObjectNode cloud = TicketHttp.JSON.createObjectNode().put("accountId", "712020:3f1c9e5a")
                .put("displayName", "Alice Lindqvist");
        jira.answer(200, Fixtures.jiraIssueAssignedTo(cloud).toString());
        TicketQuery byAccount = new TicketQuery("INC-7", "712020:3f1c9e5a", null, "orders-by-customer", "kh-1");

        assertThat(provider(true).check(byAccount).accepted()).isTrue();
        assertThat(provider(true).check(query("INC-7")).accepted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsFailWithoutRevealingTheToken(int status) {
        jira.answer(status, Fixtures.text("jira-unauthorized.json"));

        assertThatThrownBy(() -> provider(false).check(query("INC-7")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageContaining("refused keyhole's credentials (HTTP " + status + ")")
                .satisfies(Fixtures::assertRevealsNoToken);
    }

    @Test
    void aServerErrorFailsInsteadOfRejecting() {
        jira.answer(503, "{\"message\":\"upstream unavailable, auth was " + BASIC + "\"}");

        assertThatThrownBy(() -> provider(false).check(query("INC-7")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageContaining("answered HTTP 503 while checking `INC-7`; try again later")
                .satisfies(Fixtures::assertRevealsNoToken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>Jira is down for maintenance</body></html>", "[]", "",
        "{\"key\":\"INC-7\",\"fields\":{\"summary\":\"no status\"}}"})
    void aBodyTheGateCannotReadFails(String body) {
        jira.answer(200, body);

        assertThatThrownBy(() -> provider(false).check(query("INC-7")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageStartingWith("Jira at " + jira.uri() + " answered about `INC-7` with a body that");
    }

    @Test
    void aJiraThatDoesNotAnswerInTimeFails() {
        jira.hang();
        JiraProvider impatient = new JiraProvider(jira.uri(), BASIC, false, Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.check(query("INC-7")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageContaining("did not answer within 300 ms")
                .satisfies(Fixtures::assertRevealsNoToken);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableJiraFails() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        JiraProvider nowhere = new JiraProvider(URI.create("http://127.0.0.1:" + closedPort), BASIC, false,
                Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.check(query("INC-7")))
                .isInstanceOf(TicketCheckException.class)
                .hasMessageStartingWith("could not reach Jira at http://127.0.0.1:" + closedPort)
                .satisfies(Fixtures::assertRevealsNoToken);
    }
}
