package dev.keyhole.iam.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a simulation case from a JSON tree (one JSON Lines line, or a YAML conformance file read as a tree).
 *
 * <p>Shape: {@code {"name", "request": {"action", "resource", "principal": {"type", "arn", "id",
 * "account", "tags"}, "context": {key: value | [values]}}, "identityPolicies": [...],
 * "permissionsBoundary", "sessionPolicy", "resourcePolicy"}}. Context values are strings, numbers or
 * booleans, or arrays of them for multivalued keys.
 */
public final class CaseReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CASE_FIELDS = Set.of("name", "note", "doc", "request", "identityPolicies",
            "permissionsBoundary", "sessionPolicy", "resourcePolicy", "want");
    private static final Set<String> REQUEST_FIELDS = Set.of("action", "resource", "principal", "context");

    private CaseReader() {}

    /** Reads one JSON text. */
    public static SimulationCase read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (Exception e) {
            throw new CaseException("not valid JSON: " + firstLine(e.getMessage()));
        }
        return read(node);
    }

    /** Reads an already-parsed tree. */
    public static SimulationCase read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new CaseException("a case must be a JSON object with `request` and policies");
        }
        unknown(node, CASE_FIELDS, "case");
        String name = node.hasNonNull("name") ? node.get("name").asText() : null;
        JsonNode req = node.get("request");
        if (req == null || !req.isObject()) {
            throw new CaseException("missing `request` object with `action`, `resource` and `principal`");
        }
        unknown(req, REQUEST_FIELDS, "request");
        Request request = new Request(principal(req.get("principal")), text(req, "action", "request"),
                text(req, "resource", "request"), context(req.get("context")));
        List<Policy> identity = new ArrayList<>();
        JsonNode ids = node.get("identityPolicies");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                throw new CaseException("`identityPolicies` must be an array of policy documents");
            }
            for (int i = 0; i < ids.size(); i++) {
                identity.add(policy(ids.get(i), "identityPolicies/" + i));
            }
        }
        return new SimulationCase(name, request, identity,
                policy(node.get("permissionsBoundary"), "permissionsBoundary"),
                policy(node.get("sessionPolicy"), "sessionPolicy"),
                policy(node.get("resourcePolicy"), "resourcePolicy"));
    }

    private static Policy policy(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return PolicyParser.parse(node);
        } catch (PolicyParseException e) {
            throw new CaseException("invalid policy at `" + where + "`: " + e.getMessage());
        }
    }

    private static Principal principal(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw new CaseException("missing `request.principal` object with at least `arn`");
        }
        String arn = text(p, "arn", "principal");
        PrincipalType type;
        try {
            type = p.hasNonNull("type") ? PrincipalType.parse(p.get("type").asText()) : inferType(arn);
        } catch (IllegalArgumentException e) {
            throw new CaseException(e.getMessage());
        }
        String account = p.hasNonNull("account") ? p.get("account").asText() : accountOf(arn);
        String id = p.hasNonNull("id") ? p.get("id").asText() : null;
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode t = p.get("tags");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                throw new CaseException("`principal.tags` must be an object of tag keys to values");
            }
            t.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return new Principal(type, arn, id, account, tags);
    }

    /** Guesses the principal type from its ARN when the case does not say. */
    static PrincipalType inferType(String arn) {
        if (arn.equals("*")) {
            return PrincipalType.ANONYMOUS;
        }
        if (!arn.startsWith("arn:")) {
            return PrincipalType.SERVICE;
        }
        if (arn.contains(":assumed-role/")) {
            return PrincipalType.ASSUMED_ROLE;
        }
        if (arn.contains(":federated-user/")) {
            return PrincipalType.FEDERATED_USER;
        }
        if (arn.contains(":role/")) {
            return PrincipalType.ROLE;
        }
        if (arn.endsWith(":root")) {
            return PrincipalType.ROOT;
        }
        return PrincipalType.USER;
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
    }

    private static RequestContext context(JsonNode c) {
        if (c == null || c.isNull()) {
            return RequestContext.empty();
        }
        if (!c.isObject()) {
            throw new CaseException("`request.context` must be an object of condition keys to values");
        }
        RequestContext.Builder b = RequestContext.builder();
        var fields = c.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode item : v) {
                    values.add(scalar(item, e.getKey()));
                }
                b.put(e.getKey(), ContextValue.ofSet(values));
            } else {
                b.put(e.getKey(), ContextValue.of(scalar(v, e.getKey())));
            }
        }
        return b.build();
    }

    private static String scalar(JsonNode v, String key) {
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new CaseException("context key `" + key + "` must be a string, number, boolean or an array of them");
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new CaseException("missing `" + where + "." + field + "` (a non-empty string)");
        }
        return v.asText();
    }

    private static void unknown(JsonNode node, Set<String> allowed, String what) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new CaseException("unknown " + what + " field `" + f + "`; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
