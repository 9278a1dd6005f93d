package dev.keyhole.gateway.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Confirms a Jira issue through {@code GET {baseUrl}/rest/api/2/issue/{key}?fields=summary,status,assignee}.
 * Rejects an issue that does not exist or keyhole's account cannot see (404), one whose status category
 * is {@code done}, and, with {@code requireAssignee}, one not assigned to the requester. Works with Jira
 * Cloud ({@code email} + API token, Basic) and Jira Data Center (personal access token, Bearer).
 */
final class JiraProvider implements TicketProvider {

    static final String TYPE = "jira";
    static final Set<String> FIELDS = Set.of("baseUrl", "email", "apiTokenEnv", "tokenEnv", "requireAssignee");
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]+-[0-9]+");

    private final URI baseUrl;
    private final String authorization;
    private final boolean requireAssignee;
    private final TicketHttp http;

    /**
     * @param authorization the whole {@code Authorization} header value; see {@link #basic} and {@link #bearer}
     */
    JiraProvider(URI baseUrl, String authorization, boolean requireAssignee, Duration timeout) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.requireAssignee = requireAssignee;
        this.http = new TicketHttp("Jira", baseUrl, timeout);
    }

    static String basic(String email, String apiToken) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Builds a provider from {@code tickets.<name>}, or returns {@code null} after recording its problems. */
    static JiraProvider configure(ProviderFields f) {
        f.rejectUnknown(FIELDS);
        URI base = f.url("baseUrl", null, "https://example.atlassian.net");
        boolean basic = f.has("email") || f.has("apiTokenEnv");
        String authorization = null;
        if (basic && f.has("tokenEnv")) {
            f.problem("`" + f.path() + "` sets both `tokenEnv` and `email`/`apiTokenEnv`; keep `email` + "
                    + "`apiTokenEnv` for a Jira Cloud API token, or `tokenEnv` alone for a personal access token");
        } else if (basic) {
            String email = f.text("email", "bot@example.com");
            String token = f.has("apiTokenEnv") ? f.secret("apiTokenEnv") : null;
            if (!f.has("apiTokenEnv")) {
                f.problem("`" + f.path() + "` needs `apiTokenEnv` beside `email`: the environment variable "
                        + "holding that account's API token");
            }
            authorization = email == null || token == null ? null : basic(email, token);
        } else if (f.has("tokenEnv")) {
            String token = f.secret("tokenEnv");
            authorization = token == null ? null : bearer(token);
        } else {
            f.problem("`" + f.path() + "` needs credentials: `email` + `apiTokenEnv` (Jira Cloud API token) "
                    + "or `tokenEnv` (personal access token)");
        }
        boolean requireAssignee = f.bool("requireAssignee", false);
        Duration timeout = f.timeout();
        return base == null || authorization == null ? null
                : new JiraProvider(base, authorization, requireAssignee, timeout);
    }

    @Override
    public TicketVerdict check(TicketQuery q) {
        String key = q.ticket();
        if (key == null || !KEY.matcher(key).matches()) {
            return TicketVerdict.reject("`" + key + "` is not a Jira issue key such as `INC-7`", null);
        }
        URI issue = URI.create(TicketHttp.trimmed(baseUrl) + "/rest/api/2/issue/" + TicketHttp.pathSegment(key)
                + "?fields=summary,status,assignee");
        return http.lookUp(issue, authorization, "application/json", key)
                .map(found -> verdict(q, found))
                .orElseGet(() -> TicketVerdict.reject("`" + key + "` does not exist in Jira, or keyhole's Jira "
                        + "account cannot see it", null));
    }

    private TicketVerdict verdict(TicketQuery q, JsonNode issue) {
        JsonNode fields = issue.path("fields");
        JsonNode status = fields.path("status");
        String category = status.path("statusCategory").path("key").textValue();
        if (category == null) {
            throw http.unreadable(q.ticket(), "has no `fields.status.statusCategory.key`");
        }
        String title = fields.path("summary").textValue();
        String actualKey = issue.path("key").asText(q.ticket());
        // A moved issue answers under its new key; say so rather than look like a typo.
        String named = "`" + q.ticket() + "`" + (actualKey.equals(q.ticket()) ? "" : " (now `" + actualKey + "`)");
        String is = named + " is " + status.path("name").asText(category);
        if ("done".equals(category)) {
            return TicketVerdict.reject(is + "; runs need a ticket that is still open", title);
        }
        JsonNode assignee = fields.path("assignee");
        if (!assignee.isObject()) {
            return requireAssignee
                    ? TicketVerdict.reject(is + " and unassigned; assign it to yourself to run under it", title)
                    : TicketVerdict.accept(is + ", unassigned", title);
        }
        String who = firstText(assignee, "displayName", "name", "emailAddress", "accountId");
        if (requireAssignee && !isRequester(assignee, q)) {
            return TicketVerdict.reject(is + ", assigned to " + who + ", not to `" + q.requester()
                    + "`; only its assignee may run under it", title);
        }
        return TicketVerdict.accept(is + ", assigned to " + who, title);
    }

    /** Server's {@code name} or Cloud's {@code accountId} against the keyhole user name; emails ignoring case. */
    private static boolean isRequester(JsonNode assignee, TicketQuery q) {
        String name = assignee.path("name").textValue();
        String accountId = assignee.path("accountId").textValue();
        String email = assignee.path("emailAddress").textValue();
        return q.requester() != null && (q.requester().equals(name) || q.requester().equals(accountId)
                || q.requester().equalsIgnoreCase(email))
                || q.requesterEmail() != null && q.requesterEmail().equalsIgnoreCase(email);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = node.path(f).textValue();
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "someone keyhole cannot name";
    }
}
