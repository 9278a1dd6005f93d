package dev.keyhole.gateway.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asks a system of your own (an ITSM, a change calendar) whether a ticket is good, by one HTTP call.
 *
 * <h2>The contract</h2>
 * keyhole sends {@code POST {url}} with {@code Content-Type: application/json},
 * {@code Accept: application/json}, {@code Authorization: Bearer <token>} when {@code tokenEnv} is
 * configured, any configured extra headers, and the body
 * <pre>{"ticket": "CHG-42", "requester": "alice", "requesterEmail": "alice@example.com" (or null),
 *  "runbook": "orders-by-customer", "correlationId": "kh-7f3a"}</pre>
 * The webhook answers a 2xx status with a JSON object
 * <pre>{"accepted": true, "reason": "CHG-42 is approved for today", "title": "Reindex orders"}</pre>
 * where {@code accepted} (boolean) and {@code reason} (non-empty text, shown to the requester) are required
 * and {@code title} is optional. A rejection is {@code "accepted": false} with a 2xx status. Any other status
 * (redirects are not followed), a timeout, or a body outside this shape makes the check fail, and keyhole
 * refuses the run. The decision may depend on every field sent, the runbook included.
 */
final class WebhookProvider implements TicketProvider {

    static final String TYPE = "webhook";
    static final Set<String> FIELDS = Set.of("url", "tokenEnv", "headers", "headersEnv");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers keyhole sets itself or that the JDK client refuses to let anyone set. */
    private static final Set<String> RESERVED = Set.of("accept", "connection", "content-length", "content-type",
            "expect", "host", "upgrade");

    private final URI url;
    private final Map<String, String> headers;
    private final TicketHttp http;

    /**
     * @param bearerToken sent as {@code Authorization: Bearer}, or {@code null}
     * @param headers extra headers, sent as given
     */
    WebhookProvider(URI url, String bearerToken, Map<String, String> headers, Duration timeout) {
        this.url = url;
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (bearerToken != null) {
            all.put("Authorization", "Bearer " + bearerToken);
        }
        this.headers = Map.copyOf(all);
        this.http = new TicketHttp("the ticket webhook", url, timeout);
    }

    /** Builds a provider from {@code tickets.<name>}, or returns {@code null} after recording its problems. */
    static WebhookProvider configure(ProviderFields f) {
        f.rejectUnknown(FIELDS);
        URI url = f.url("url", null, "https://itsm.internal/keyhole/check");
        String token = f.secret("tokenEnv");
        Map<String, String> headers = new LinkedHashMap<>();
        f.textMap("headers").forEach((name, value) -> {
            if (name.equalsIgnoreCase("authorization")) {
                f.problem("`" + f.path() + ".headers." + name + "` would put a secret in keyhole.yaml; use "
                        + "`tokenEnv`, or name an environment variable under `headersEnv`");
            }
            headers.put(checkedName(f, "headers", name), value);
        });
        f.textMap("headersEnv").forEach((name, variable) -> {
            if (name.equalsIgnoreCase("authorization") && f.has("tokenEnv")) {
                f.problem("`" + f.path() + ".headersEnv." + name + "` clashes with `tokenEnv`; keep one of them");
            }
            String value = f.env(variable, "headersEnv." + name);
            if (value != null) {
                headers.put(checkedName(f, "headersEnv", name), value);
            }
        });
        Duration timeout = f.timeout();
        return url == null ? null : new WebhookProvider(url, token, headers, timeout);
    }

    private static String checkedName(ProviderFields f, String field, String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            f.problem("`" + f.path() + "." + field + "." + name + "` is not an HTTP header name; use letters, "
                    + "digits and `-`");
        } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            f.problem("`" + f.path() + "." + field + "." + name + "` is set by keyhole itself; remove it");
        }
        return name;
    }

    @Override
    public TicketVerdict check(TicketQuery q) {
        ObjectNode body = TicketHttp.JSON.createObjectNode()
                .put("ticket", q.ticket())
                .put("requester", q.requester())
                .put("requesterEmail", q.requesterEmail())
                .put("runbook", q.runbook())
                .put("correlationId", q.correlationId());
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        TicketHttp.Answer answer = http.send(request, q.ticket());
        if (!answer.ok()) {
            throw http.unexpected(answer, q.ticket());
        }
        JsonNode verdict = http.json(answer, q.ticket());
        JsonNode accepted = verdict.path("accepted");
        String reason = verdict.path("reason").textValue();
        if (!accepted.isBoolean() || reason == null || reason.isBlank()) {
            throw http.unreadable(q.ticket(), "lacks the boolean `accepted` and the text `reason` keyhole's "
                    + "webhook contract requires");
        }
        String title = verdict.path("title").textValue();
        return accepted.booleanValue() ? TicketVerdict.accept(reason, title) : TicketVerdict.reject(reason, title);
    }
}
