package dev.keyhole.gateway.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Confirms a PagerDuty incident through REST API v2 {@code GET {baseUrl}/incidents/{id}}. Accepts an
 * incident that is {@code triggered} or {@code acknowledged}; rejects one that is {@code resolved} or
 * that does not exist (404). The ticket is the incident id (e.g. {@code PT4KHLK}), not its number.
 */
final class PagerDutyProvider implements TicketProvider {

    static final String TYPE = "pagerduty";
    static final String DEFAULT_BASE_URL = "https://api.pagerduty.com";
    static final Set<String> FIELDS = Set.of("baseUrl", "tokenEnv");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+");

    private final URI baseUrl;
    private final String token;
    private final TicketHttp http;

    PagerDutyProvider(URI baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = new TicketHttp("PagerDuty", baseUrl, timeout);
    }

    /** Builds a provider from {@code tickets.<name>}, or returns {@code null} after recording its problems. */
    static PagerDutyProvider configure(ProviderFields f) {
        f.rejectUnknown(FIELDS);
        URI base = f.url("baseUrl", DEFAULT_BASE_URL, DEFAULT_BASE_URL);
        String token = f.secret("tokenEnv");
        if (!f.has("tokenEnv")) {
            f.problem("`" + f.path() + "` needs `tokenEnv`: the environment variable holding a PagerDuty REST API "
                    + "key (a read-only key is enough)");
        }
        Duration timeout = f.timeout();
        return base == null || token == null ? null : new PagerDutyProvider(base, token, timeout);
    }

    @Override
    public TicketVerdict check(TicketQuery q) {
        String id = q.ticket();
        if (id == null || !ID.matcher(id).matches()) {
            return TicketVerdict.reject("`" + id + "` is not a PagerDuty incident id such as `PT4KHLK`", null);
        }
        URI incidentUri = URI.create(TicketHttp.trimmed(baseUrl) + "/incidents/" + TicketHttp.pathSegment(id));
        return http.lookUp(incidentUri, "Token token=" + token, "application/vnd.pagerduty+json;version=2", id)
                .map(found -> verdict(id, found.path("incident")))
                .orElseGet(() -> TicketVerdict.reject("`" + id + "` does not exist in PagerDuty, or keyhole's API key "
                        + "cannot see it", null));
    }

    private TicketVerdict verdict(String id, JsonNode incident) {
        String status = incident.path("status").textValue();
        String title = incident.path("title").textValue();
        JsonNode number = incident.path("incident_number");
        String is = "`" + id + "`" + (number.isNumber() ? " (#" + number.asText() + ")" : "") + " is " + status;
        if ("triggered".equals(status) || "acknowledged".equals(status)) {
            return TicketVerdict.accept(is, title);
        }
        if ("resolved".equals(status)) {
            return TicketVerdict.reject(is + "; runs need an incident that is still open", title);
        }
        throw http.unreadable(id, "has no `incident.status` of triggered, acknowledged or resolved");
    }
}
