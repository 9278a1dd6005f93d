package dev.keyhole.iam.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.PolicyType;
import dev.keyhole.iam.evaluate.TraceStep;

/**
 * Writes a decision as the simulation output line:
 * {@code {"name", "decision", "decidedBy", "noAllowIn", "trace": [{"policyType", "policy", "statement", "result"}]}}.
 */
public final class DecisionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DecisionJson() {}

    /** The output object for a decided case. */
    public static ObjectNode write(String name, Decision d) {
        ObjectNode out = NODES.objectNode();
        out.set("name", name == null ? NODES.nullNode() : NODES.textNode(name));
        out.put("decision", d.outcome().label());
        if (d.decidedBy() != null) {
            out.put("decidedBy", d.decidedBy().toString());
        }
        if (!d.noAllowIn().isEmpty()) {
            ArrayNode missing = out.putArray("noAllowIn");
            d.noAllowIn().stream().map(PolicyType::label).forEach(missing::add);
        }
        ArrayNode trace = out.putArray("trace");
        for (TraceStep s : d.trace()) {
            ObjectNode step = trace.addObject();
            step.put("policyType", s.type().label());
            step.put("policy", s.policy());
            if (s.statement() != null) {
                step.put("statement", s.statement().toString());
            }
            step.put("result", s.verdict());
        }
        out.put("reason", d.explain());
        return out;
    }

    /** The output object for a case that could not be evaluated. */
    public static ObjectNode error(JsonNode name, String message) {
        ObjectNode out = NODES.objectNode();
        out.set("name", name == null ? NODES.nullNode() : name);
        out.put("error", message);
        return out;
    }
}
