package dev.keyhole.gateway.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The ticket providers a gateway knows, by the names runbooks use. Built once from the {@code tickets:}
 * section of keyhole.yaml, e.g.
 * <pre>
 * tickets:
 *   jira:      {type: jira, baseUrl: https://example.atlassian.net, email: bot@example.com, apiTokenEnv: JIRA_TOKEN}
 *   incidents: {type: pagerduty, tokenEnv: PD_TOKEN}
 *   itsm:      {type: webhook, url: https://itsm.internal/keyhole/check, tokenEnv: ITSM_TOKEN}
 * </pre>
 * Fields by type (every type also takes {@code timeout}, an ISO 8601 duration, default {@code PT5S}):
 * <ul>
 *   <li>{@code jira}: {@code baseUrl}; {@code email} + {@code apiTokenEnv} (Basic) or {@code tokenEnv}
 *       (Bearer); {@code requireAssignee} (default {@code false})
 *   <li>{@code pagerduty}: {@code tokenEnv}; {@code baseUrl} (default {@code https://api.pagerduty.com})
 *   <li>{@code webhook}: {@code url}; optional {@code tokenEnv} (Bearer), {@code headers} (name: value) and
 *       {@code headersEnv} (name: environment variable) — see the webhook contract in {@code WebhookProvider}
 *   <li>{@code pattern}: nothing; accepts what the runbook's pattern accepted
 * </ul>
 * Secrets are read only from the environment variables named by {@code ...Env} fields, once, here.
 * The provider named {@code pattern} is always present and cannot be redefined.
 */
public final class TicketProviders {

    /** The name of the always-present offline provider. */
    public static final String PATTERN = "pattern";

    private static final Set<String> TYPES = new TreeSet<>(
            Set.of(JiraProvider.TYPE, PagerDutyProvider.TYPE, WebhookProvider.TYPE, PATTERN));
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    // INVARIANT: contains PATTERN; never changes after construction.
    private final Map<String, TicketProvider> providers;

    private TicketProviders(Map<String, TicketProvider> providers) {
        Map<String, TicketProvider> all = new LinkedHashMap<>();
        all.put(PATTERN, new PatternOnlyProvider());
        all.putAll(providers);
        this.providers = Map.copyOf(all);
    }

    /** Reads {@code tickets} (may be {@code null}: no section) with secrets from the process environment. */
    public static TicketProviders fromConfig(JsonNode tickets) {
        return fromConfig(tickets, System::getenv);
    }

    /**
     * Reads {@code tickets}, looking environment variables up through {@code env}.
     *
     * @throws TicketConfigException listing every problem in the section, each with its field path and fix
     */
    public static TicketProviders fromConfig(JsonNode tickets, Function<String, String> env) {
        List<String> problems = new ArrayList<>();
        Map<String, TicketProvider> providers = new LinkedHashMap<>();
        if (tickets != null && !tickets.isNull() && !tickets.isMissingNode() && !tickets.isObject()) {
            problems.add("`tickets` must be a mapping from provider name to its settings, such as "
                    + "`incidents: {type: pagerduty, tokenEnv: PD_TOKEN}`");
        } else if (tickets != null) {
            tickets.properties().forEach(e -> {
                TicketProvider p = configure(e.getKey(), e.getValue(), problems, env);
                if (p != null) {
                    providers.put(e.getKey(), p);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new TicketConfigException(problems);
        }
        return new TicketProviders(providers);
    }

    /** Providers given directly (e.g. fakes in tests), plus {@code pattern}. */
    public static TicketProviders of(Map<String, ? extends TicketProvider> providers) {
        if (providers.containsKey(PATTERN)) {
            throw new IllegalArgumentException("`" + PATTERN + "` is built in; give the provider another name");
        }
        providers.values().forEach(Objects::requireNonNull);
        return new TicketProviders(Map.copyOf(providers));
    }

    /**
     * The provider runbooks call {@code name}.
     *
     * @throws IllegalArgumentException naming the known providers when there is none by that name
     */
    public TicketProvider provider(String name) {
        TicketProvider p = name == null ? null : providers.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no ticket provider `" + name + "`; known: "
                    + String.join(", ", names()) + " (configure it under `tickets` in keyhole.yaml)");
        }
        return p;
    }

    /** The names of every provider, sorted. */
    public Set<String> names() {
        return new TreeSet<>(providers.keySet());
    }

    private static TicketProvider configure(String name, JsonNode node, List<String> problems,
            Function<String, String> env) {
        String path = "tickets." + name;
        if (PATTERN.equals(name)) {
            problems.add("`" + path + "` is built in and cannot be configured; give this provider another name");
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            problems.add("`" + path + "`: a provider name may hold only letters, digits, `-` and `_`");
        }
        if (!node.isObject()) {
            problems.add("`" + path + "` must be a mapping such as `{type: jira, baseUrl: ...}`");
            return null;
        }
        ProviderFields f = new ProviderFields(node, path, problems, env);
        String type = f.text("type", "jira");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case JiraProvider.TYPE -> JiraProvider.configure(f);
            case PagerDutyProvider.TYPE -> PagerDutyProvider.configure(f);
            case WebhookProvider.TYPE -> WebhookProvider.configure(f);
            case PATTERN -> {
                f.rejectUnknown(Set.of());
                yield new PatternOnlyProvider();
            }
            default -> {
                problems.add("`" + path + ".type` `" + type + "` is not a ticket provider type; use one of "
                        + String.join(", ", TYPES));
                yield null;
            }
        };
    }
}
