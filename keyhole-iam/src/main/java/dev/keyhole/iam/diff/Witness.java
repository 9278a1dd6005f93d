package dev.keyhole.iam.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the new policies allow and the old ones do not.
 *
 * @param principal who asks
 * @param action the action
 * @param resource the resource ARN
 * @param context the context keys the search set (principal-derived keys are added by {@link Request})
 */
public record Witness(Principal principal, String action, String resource, Map<String, ContextValue> context) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public Witness {
        context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** The request, as the evaluator sees it. */
    public Request request() {
        RequestContext.Builder b = RequestContext.builder();
        context.forEach(b::put);
        return new Request(principal, action, resource, b.build());
    }

    /** The flags of {@code keyhole policy simulate} that ask this request (without the policy files). */
    public List<String> simulateArgs() {
        List<String> args = new ArrayList<>(List.of("--action", action, "--resource", resource,
                "--principal", principal.arn()));
        context.forEach((k, v) -> {
            if (v.multivalued()) {
                args.add("--context-set");
                args.add(k + "=" + String.join(",", v.values()));
            } else {
                args.add("-c");
                args.add(k + "=" + v.values().get(0));
            }
        });
        return args;
    }

    /** The request as the {@code request} object of a {@code keyhole policy simulate --cases} line. */
    public ObjectNode requestJson() {
        ObjectNode req = NODES.objectNode();
        req.put("action", action);
        req.put("resource", resource);
        ObjectNode p = req.putObject("principal");
        p.put("type", "AssumedRole");
        p.put("arn", principal.arn());
        if (principal.id() != null) {
            p.put("id", principal.id());
        }
        if (principal.account() != null) {
            p.put("account", principal.account());
        }
        p.putObject("tags");
        ObjectNode ctx = req.putObject("context");
        context.forEach((k, v) -> {
            if (v.multivalued()) {
                ArrayNode arr = ctx.putArray(k);
                v.values().forEach(arr::add);
            } else {
                ctx.put(k, v.values().get(0));
            }
        });
        return req;
    }

    /** One line for people: {@code dynamodb:Scan on ARN with k=v, k2=[a, b]}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(action + " on " + resource);
        if (!context.isEmpty()) {
            sb.append(" with ");
            List<String> parts = new ArrayList<>();
            context.forEach((k, v) -> parts.add(k + "=" + (v.multivalued() ? v.values().toString() : v.values().get(0))));
            sb.append(String.join(", ", parts));
        }
        return sb.toString();
    }
}
