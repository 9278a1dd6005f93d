package dev.keyhole.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.gateway.grants.GrantRules;
import dev.keyhole.gateway.grants.Notifier;
import dev.keyhole.gateway.grants.WebhookNotifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grant rules and notifications from {@code keyhole.yaml}:
 * <pre>
 * grants:
 *   approvalWindow: PT1H        # how long an approved request may be used
 *   pendingTtl: P1D             # how long a request waits for approvals
 *   exceptions:
 *     max: PT4H                 # the longest exception anyone may ask for
 *     approvals: 1              # distinct approvals an exception needs
 *     approvers: [security]     # whose members approve exceptions
 *     selfService: false        # true: active at once, flagged for review
 * notifications:
 *   webhooks: [https://hooks.slack.com/services/...]   # Slack-compatible JSON
 *   timeoutSeconds: 5
 * </pre>
 */
public final class GrantSettings {

    private GrantSettings() {}

    /** The rules, every problem reported at once. */
    public static GrantRules rules(JsonNode root) throws IOException {
        GrantRules d = GrantRules.defaults();
        JsonNode g = root.path("grants");
        JsonNode ex = g.path("exceptions");
        List<String> problems = new ArrayList<>();
        unknown(g, Set.of("approvalWindow", "pendingTtl", "exceptions"), "grants", problems);
        unknown(ex, Set.of("max", "approvals", "approvers", "selfService"), "grants.exceptions", problems);
        Duration window = duration(g, "approvalWindow", d.approvalWindow(), "grants", problems);
        Duration pending = duration(g, "pendingTtl", d.pendingTtl(), "grants", problems);
        Duration max = duration(ex, "max", d.exceptionMax(), "grants.exceptions", problems);
        int approvals = ex.path("approvals").asInt(d.exceptionApprovals());
        Set<String> approvers = new LinkedHashSet<>();
        if (ex.has("approvers")) {
            ex.get("approvers").forEach(a -> approvers.add(a.asText()));
        } else {
            approvers.addAll(d.exceptionApprovers());
        }
        boolean self = ex.path("selfService").asBoolean(d.selfService());
        if (!self && (approvals < 1 || approvers.isEmpty())) {
            problems.add("`grants.exceptions` needs `approvals` of at least 1 and `approvers` unless `selfService: true`");
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return new GrantRules(window, pending, max, Math.max(approvals, 0), approvers, self);
    }

    /** The webhooks to tell, or nobody; failures are reported on {@code err}. */
    public static Notifier notifier(JsonNode root, PrintWriter err) {
        JsonNode n = root.path("notifications");
        List<URI> hooks = new ArrayList<>();
        n.path("webhooks").forEach(h -> hooks.add(URI.create(h.asText())));
        if (hooks.isEmpty()) {
            return Notifier.NONE;
        }
        return new WebhookNotifier(hooks, Duration.ofSeconds(n.path("timeoutSeconds").asLong(5)),
                problem -> err.println("keyhole: warning: " + problem));
    }

    static void unknown(JsonNode n, Set<String> known, String where, List<String> problems) {
        n.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add("`" + where + "." + f + "` is not a setting; use one of " + String.join(", ", known));
            }
        });
    }

    static Duration duration(JsonNode n, String field, Duration dflt, String where, List<String> problems) {
        if (!n.hasNonNull(field)) {
            return dflt;
        }
        try {
            Duration d = Duration.parse(n.get(field).asText());
            if (d.isNegative() || d.isZero()) {
                problems.add("`" + where + "." + field + "` must be positive");
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add("`" + where + "." + field + "` `" + n.get(field).asText() + "` is not an ISO 8601 duration such as PT1H");
            return dflt;
        }
    }
}
