package dev.keyhole.iam.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The actions, resource types and condition keys keyhole knows, read once from {@code catalog.json}.
 *
 * <p>Immutable and thread-safe. Lookups are case-insensitive, as IAM's are for action and key names.
 */
public final class Catalog {

    private static final String RESOURCE = "/dev/keyhole/iam/catalog/catalog.json";
    private static volatile Catalog aws;

    private final Map<String, ServiceInfo> services;
    private final Map<String, KeyInfo> globalKeys;
    private final List<ActionInfo> allActions;

    private Catalog(Map<String, ServiceInfo> services, Map<String, KeyInfo> globalKeys) {
        this.services = Map.copyOf(services);
        this.globalKeys = Map.copyOf(globalKeys);
        List<ActionInfo> all = new ArrayList<>();
        services.values().forEach(s -> all.addAll(s.actions().values()));
        all.sort(Comparator.comparing(ActionInfo::fullName));
        this.allActions = List.copyOf(all);
    }

    /** The catalog shipped with keyhole. */
    public static Catalog aws() {
        Catalog c = aws;
        if (c == null) {
            try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                c = read(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the action catalog " + RESOURCE, e);
            }
            aws = c;
        }
        return c;
    }

    static Catalog read(JsonNode root) {
        Map<String, KeyInfo> global = keys(root.get("globalKeys"));
        Map<String, ServiceInfo> services = new LinkedHashMap<>();
        root.get("services").fields().forEachRemaining(e -> {
            String prefix = e.getKey();
            JsonNode s = e.getValue();
            Map<String, String> types = new LinkedHashMap<>();
            s.get("resourceTypes").fields().forEachRemaining(t -> types.put(t.getKey(), t.getValue().asText()));
            Map<String, ActionInfo> actions = new LinkedHashMap<>();
            s.get("actions").fields().forEachRemaining(a -> {
                JsonNode v = a.getValue();
                actions.put(a.getKey().toLowerCase(Locale.ROOT), new ActionInfo(prefix, a.getKey(),
                        v.get("access").asText(), texts(v.get("resources")), texts(v.get("keys"))));
            });
            services.put(prefix, new ServiceInfo(prefix, s.get("name").asText(), s.get("complete").asBoolean(),
                    s.get("regional").asBoolean(), types, actions, keys(s.get("keys"))));
        });
        return new Catalog(services, global);
    }

    private static Map<String, KeyInfo> keys(JsonNode node) {
        Map<String, KeyInfo> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(k -> out.put(k.getKey().toLowerCase(Locale.ROOT), new KeyInfo(k.getKey(),
                KeyType.parse(k.getValue().get("type").asText()),
                k.getValue().path("absentGrantsNothing").asBoolean(false))));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** The service with this prefix. */
    public Optional<ServiceInfo> service(String prefix) {
        return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** The action {@code service:Name}, in any case. */
    public Optional<ActionInfo> action(String fullName) {
        int colon = fullName.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return service(fullName.substring(0, colon))
                .map(s -> s.actions().get(fullName.substring(colon + 1).toLowerCase(Locale.ROOT)));
    }

    /** Every action the pattern (with {@code *} and {@code ?}) matches, in name order. */
    public List<ActionInfo> actionsMatching(String pattern) {
        List<ActionInfo> out = new ArrayList<>();
        for (ActionInfo a : allActions) {
            if (Wildcards.matches(pattern, a.fullName(), true)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every action the catalog lists, in name order. */
    public List<ActionInfo> actions() {
        return allActions;
    }

    /** The key, global or of a service, templated families included ({@code aws:PrincipalTag/team}). */
    public Optional<KeyInfo> key(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        KeyInfo exact = globalKeys.get(lower);
        if (exact == null) {
            exact = service(prefixOf(lower)).map(s -> s.keys().get(lower)).orElse(null);
        }
        if (exact != null) {
            return Optional.of(exact);
        }
        List<KeyInfo> candidates = new ArrayList<>(globalKeys.values());
        service(prefixOf(lower)).ifPresent(s -> candidates.addAll(s.keys().values()));
        return candidates.stream().filter(KeyInfo::templated)
                .filter(k -> lower.startsWith(k.prefix().toLowerCase(Locale.ROOT)) && lower.length() > k.prefix().length())
                .findFirst();
    }

    /** Whether the catalog lists every key with this prefix ({@code aws} or a complete service). */
    public boolean knowsAllKeysOf(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return p.equals("aws") || service(p).map(ServiceInfo::complete).orElse(false);
    }

    /** Whether an action supports the key: global keys always; others when the catalog lists them for it. */
    public boolean supports(ActionInfo action, String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws:") && !lower.startsWith("aws:requesttag/") && !lower.equals("aws:tagkeys")) {
            return true;
        }
        for (String k : action.keys()) {
            KeyInfo info = key(k).orElse(null);
            if (k.equalsIgnoreCase(key) || (info != null && info.templated()
                    && lower.startsWith(info.prefix().toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private static String prefixOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? "" : key.substring(0, colon);
    }
}
