package dev.keyhole.gateway.grants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Posts grant changes to webhooks as Slack-compatible JSON: {@code {"text": "...", "keyhole": {...}}} — Slack
 * (and Mattermost, Teams' Slack-compatible connectors) show {@code text}; other receivers read {@code keyhole}.
 * A webhook that fails is reported to {@code problems} and does not stop the others or the decision.
 */
public final class WebhookNotifier implements Notifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> webhooks;
    private final HttpClient http;
    private final Duration timeout;
    private final Consumer<String> problems;

    public WebhookNotifier(List<URI> webhooks, Duration timeout, Consumer<String> problems) {
        this.webhooks = List.copyOf(webhooks);
        this.timeout = timeout;
        this.problems = problems;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void notify(String event, Grant g) {
        String body = body(event, g);
        for (URI hook : webhooks) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(hook).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 != 2) {
                    problems.accept("webhook " + hook.getHost() + " answered " + r.statusCode() + " to " + event + " of " + g.id());
                }
            } catch (java.io.IOException e) {
                problems.accept("webhook " + hook.getHost() + " unreachable for " + event + " of " + g.id() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The message: one line for people, the facts for machines. */
    static String body(String event, Grant g) {
        String text = switch (event) {
            case "requested" -> g.requester() + " asks for " + (g.kind() == Grant.Kind.EXCEPTION ? "an exception to run `"
                    : "approval to run `") + g.runbook() + "` for " + g.ticket() + " (" + g.reason() + "): `keyhole grants approve "
                    + g.id() + "` — members of " + String.join(", ", g.approverGroups());
            case "approved" -> g.id() + " (" + g.runbook() + " for " + g.requester() + ") approved by " + g.approvers()
                    + " (" + g.approvals().size() + "/" + g.required() + ")";
            case "activated" -> g.requester() + " may run `" + g.runbook() + "` until " + g.expires() + " (" + g.id()
                    + (g.selfService() ? ", self-service: review it" : "") + ")";
            case "denied" -> g.id() + " (" + g.runbook() + " for " + g.requester() + ") denied by " + g.endedBy() + ": " + g.endReason();
            case "revoked" -> g.id() + " (" + g.runbook() + " for " + g.requester() + ") revoked by " + g.endedBy() + ": " + g.endReason();
            case "expired" -> g.id() + " (" + g.runbook() + " for " + g.requester() + ") expired";
            default -> g.id() + ": " + event;
        };
        ObjectNode root = JSON.createObjectNode().put("text", "keyhole: " + text);
        ObjectNode k = root.putObject("keyhole").put("event", event).put("grant", g.id()).put("kind", g.kind().word())
                .put("requester", g.requester()).put("runbook", g.runbook()).put("ticket", g.ticket())
                .put("state", g.state().word()).put("selfService", g.selfService());
        if (g.expires() != null) {
            k.put("expires", g.expires().toString());
        }
        return root.toString();
    }
}
