package dev.keyhole.gateway.ticket;

import static dev.keyhole.gateway.ticket.Fixtures.TOKEN;
import static dev.keyhole.gateway.ticket.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TicketProvidersTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Function<String, String> ENV = Map.of("JIRA_TOKEN", TOKEN, "PD_TOKEN", TOKEN,
            "ITSM_TOKEN", TOKEN, "ITSM_KEY", "key-" + TOKEN)::get;

    private static JsonNode tickets(String yaml) {
        try {
            return YAML.readTree(yaml).get("tickets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TicketConfigException problemsIn(String yaml) {
        Throwable thrown = catchThrowable(() -> TicketProviders.fromConfig(tickets(yaml), ENV));
        assertThat(thrown).isInstanceOf(TicketConfigException.class);
        return (TicketConfigException) thrown;
    }

    @Test
    void theDocumentedExampleBuildsEveryProviderBesidePattern() {
        TicketProviders p = TicketProviders.fromConfig(tickets("""
                tickets:
                  jira:      {type: jira, baseUrl: https://example.atlassian.net, email: bot@example.com, apiTokenEnv: JIRA_TOKEN, requireAssignee: false}
                  incidents: {type: pagerduty, tokenEnv: PD_TOKEN}
                  itsm:      {type: webhook, url: https://itsm.internal/keyhole/check, tokenEnv: ITSM_TOKEN}
                """), ENV);

        assertThat(p.names()).containsExactly("incidents", "itsm", "jira", "pattern");
        assertThat(p.provider("jira")).isInstanceOf(JiraProvider.class);
        assertThat(p.provider("incidents")).isInstanceOf(PagerDutyProvider.class);
        assertThat(p.provider("itsm")).isInstanceOf(WebhookProvider.class);
        assertThat(p.provider("pattern")).isInstanceOf(PatternOnlyProvider.class);
    }

    @Test
    void patternIsThereWithoutAnyTicketsSection() {
        assertThat(TicketProviders.fromConfig(null, ENV).names()).containsExactly("pattern");
        // keyhole.yaml without a `tickets:` section
        assertThat(TicketProviders.fromConfig(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), ENV).names())
                .containsExactly("pattern");
        assertThat(TicketProviders.fromConfig(tickets("tickets: {}"), ENV).names()).containsExactly("pattern");
        assertThat(TicketProviders.fromConfig(tickets("tickets:"), ENV).provider("pattern").check(query("X-1"))
                .accepted()).isTrue();
    }

    @Test
    void anUnknownProviderNameIsRefusedNamingTheKnownOnes() {
        TicketProviders p = TicketProviders.fromConfig(tickets("tickets: {offline: {type: pattern}}"), ENV);

        assertThatThrownBy(() -> p.provider("jira"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no ticket provider `jira`; known: offline, pattern (configure it under `tickets` in keyhole.yaml)");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPathAndFix() {
        TicketConfigException e = problemsIn("""
                tickets:
                  jira:    {type: jira, baseUrl: "ftp://jira.example", email: bot@example.com, apiTokenEnv: UNSET_TOKEN, requireAssignee: "yes", timeout: 5s}
                  pd:      {type: pagerduty, tokenEnv: PD_TOKEN, baseurl: https://pd.example}
                  itsm:    {type: webhok, url: https://itsm.internal/check}
                  pattern: {type: pattern}
                  bare:    {url: https://x.example}
                  listed:  [1, 2]
                """);

        assertThat(e.problems()).containsExactly(
                "`tickets.jira.baseUrl` `ftp://jira.example` is not an http(s) URL such as `https://example.atlassian.net`",
                "environment variable `UNSET_TOKEN` named by `tickets.jira.apiTokenEnv` is not set; export it before starting keyhole",
                "`tickets.jira.requireAssignee` must be `true` or `false`",
                "`tickets.jira.timeout` `5s` is not an ISO 8601 duration such as `PT5S`",
                "unknown field `tickets.pd.baseurl`; did you mean `baseUrl`?",
                "`tickets.itsm.type` `webhok` is not a ticket provider type; use one of jira, pagerduty, pattern, webhook",
                "`tickets.pattern` is built in and cannot be configured; give this provider another name",
                "`tickets.bare` needs `type`, e.g. `type: jira`",
                "`tickets.listed` must be a mapping such as `{type: jira, baseUrl: ...}`");
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("9 problems in `tickets`:");
    }

    @Test
    void aSecretWrittenIntoTheFileIsRefusedWithoutRepeatingIt() {
        TicketConfigException e = problemsIn("""
                tickets:
                  jira: {type: jira, baseUrl: https://example.atlassian.net, email: bot@example.com, apiToken: %s}
                """.formatted(TOKEN));

        assertThat(e.problems()).containsExactly(
                "`tickets.jira.apiToken` would put a secret in keyhole.yaml; export it as an environment variable "
                        + "and name that variable in `apiTokenEnv`",
                "`tickets.jira` needs `apiTokenEnv` beside `email`: the environment variable holding that account's "
                        + "API token");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void jiraCredentialsAreEitherBasicOrBearerNotBothNorNeither() {
        assertThat(problemsIn("""
                tickets:
                  jira: {type: jira, baseUrl: https://jira.example, email: bot@example.com, apiTokenEnv: JIRA_TOKEN, tokenEnv: JIRA_TOKEN}
                """).problems()).singleElement().asString().contains("sets both `tokenEnv` and `email`/`apiTokenEnv`");
        assertThat(problemsIn("""
                tickets:
                  jira: {type: jira, baseUrl: https://jira.example}
                """).problems()).singleElement().asString().startsWith("`tickets.jira` needs credentials:");
    }

    @Test
    void webhookHeadersKeepSecretsInTheEnvironmentAndLeaveKeyholesOwnHeadersAlone() {
        assertThat(problemsIn("""
                tickets:
                  itsm: {type: webhook, url: https://itsm.example, headers: {Authorization: "Basic abc", Host: evil.example, "X Bad": y}}
                """).problems()).containsExactly(
                "`tickets.itsm.headers.Authorization` would put a secret in keyhole.yaml; use `tokenEnv`, or name an "
                        + "environment variable under `headersEnv`",
                "`tickets.itsm.headers.Host` is set by keyhole itself; remove it",
                "`tickets.itsm.headers.X Bad` is not an HTTP header name; use letters, digits and `-`");
    }

    @Test
    void aConfiguredPagerDutyUsesTheTokenFromTheNamedVariable() throws IOException {
        try (ScriptedServer pd = ScriptedServer.start().answer(200, Fixtures.text("pagerduty-incident.json"))) {
            TicketProviders p = TicketProviders.fromConfig(tickets("""
                    tickets:
                      incidents: {type: pagerduty, tokenEnv: PD_TOKEN, baseUrl: "%s"}
                    """.formatted(pd.uri())), ENV);

            assertThat(p.provider("incidents").check(query("PT4KHLK")).accepted()).isTrue();
            assertThat(pd.last().header("Authorization")).isEqualTo("Token token=" + TOKEN);
        }
    }

    @Test
    void aConfiguredWebhookSendsItsHeadersAndHeadersFromTheEnvironment() throws IOException {
        try (ScriptedServer itsm = ScriptedServer.start().answer(200, "{\"accepted\": true, \"reason\": \"ok\"}")) {
            TicketProviders p = TicketProviders.fromConfig(tickets("""
                    tickets:
                      itsm: {type: webhook, url: "%s/check", headers: {X-Team: dba}, headersEnv: {X-Api-Key: ITSM_KEY}}
                    """.formatted(itsm.uri())), ENV);

            p.provider("itsm").check(query("CHG-42"));

            assertThat(itsm.last().header("X-Team")).isEqualTo("dba");
            assertThat(itsm.last().header("X-Api-Key")).isEqualTo("key-" + TOKEN);
            assertThat(itsm.last().header("Authorization")).isNull();
        }
    }

    @Test
    void aConfiguredTimeoutIsHonoured() throws IOException {
        try (ScriptedServer slow = ScriptedServer.start().hang()) {
            TicketProviders p = TicketProviders.fromConfig(tickets("""
                    tickets:
                      incidents: {type: pagerduty, tokenEnv: PD_TOKEN, baseUrl: "%s", timeout: PT0.2S}
                    """.formatted(slow.uri())), ENV);

            assertThatThrownBy(() -> p.provider("incidents").check(query("PT4KHLK")))
                    .isInstanceOf(TicketCheckException.class)
                    .hasMessageContaining("did not answer within 200 ms");
        }
    }

    @Test
    void providersGivenDirectlyCannotReplacePattern() {
        assertThatThrownBy(() -> TicketProviders.of(Map.of("pattern", RecordingProvider.rejecting())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`pattern` is built in");
        assertThat(TicketProviders.of(Map.of("fake", RecordingProvider.rejecting())).names())
                .containsExactly("fake", "pattern");
    }
}
