package dev.keyhole.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The recorded response bodies under {@code src/test/resources/ticket/}, and variants of them. */
final class Fixtures {

    static final String TOKEN = "s3cr3t-T0KEN-never-shown";

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ticket/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource ticket/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String name) {
        try {
            return (ObjectNode) TicketHttp.JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Jira issue INC-7, moved to status {@code name} in category {@code categoryKey}. */
    static ObjectNode jiraIssue(String name, String categoryKey) {
        ObjectNode issue = json("jira-issue.json");
        ObjectNode status = (ObjectNode) issue.path("fields").path("status");
        status.put("name", name);
        ((ObjectNode) status.path("statusCategory")).put("key", categoryKey).put("name", name);
        return issue;
    }

    /** The in-progress issue with {@code assignee} replaced ({@code null}: unassigned). */
    static ObjectNode jiraIssueAssignedTo(JsonNode assignee) {
        ObjectNode issue = jiraIssue("In Progress", "indeterminate");
        ((ObjectNode) issue.path("fields")).set("assignee", assignee == null ? TicketHttp.JSON.nullNode() : assignee);
        return issue;
    }

    /** The incident PT4KHLK in {@code status}. */
    static String incident(String status) {
        ObjectNode body = json("pagerduty-incident.json");
        ((ObjectNode) body.path("incident")).put("status", status);
        return body.toString();
    }

    static TicketQuery query(String ticket) {
        return new TicketQuery(ticket, "alice", "Alice@Example.com", "orders-by-customer", "kh-7f3a");
    }

    /** {@code failure} and its causes say nothing of {@link #TOKEN}, not even base64-encoded inside Basic auth. */
    static void assertRevealsNoToken(Throwable failure) {
        String encoded = Base64.getEncoder().encodeToString(("bot@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t)).doesNotContain(TOKEN).doesNotContain(encoded);
        }
    }
}
