package dev.keyhole.iam.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.PrincipalElement;
import dev.keyhole.iam.policy.Statement;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link Policy} as canonical IAM JSON: fixed element order, {@code Statement} always an
 * array, single values as strings and several as arrays. {@code PolicyParser.parse(write(p))} equals
 * {@code p}.
 */
public final class PolicyWriter {

    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PolicyWriter() {}

    /** Compact canonical JSON (what IAM's size quota counts, without white space). */
    public static String write(Policy policy) {
        return render(COMPACT, policy);
    }

    /** Indented canonical JSON, for people and for files under review. */
    public static String writePretty(Policy policy) {
        return render(PRETTY, policy);
    }

    /** The canonical JSON tree, for embedding in larger documents (Terraform, CloudFormation). */
    public static ObjectNode toTree(Policy policy) {
        ObjectNode root = NODES.objectNode();
        if (policy.version() != null) {
            root.put("Version", policy.version());
        }
        if (policy.id() != null) {
            root.put("Id", policy.id());
        }
        ArrayNode statements = root.putArray("Statement");
        for (Statement s : policy.statements()) {
            statements.add(statement(s));
        }
        return root;
    }

    private static String render(ObjectMapper mapper, Policy policy) {
        try {
            return mapper.writeValueAsString(toTree(policy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode statement(Statement s) {
        ObjectNode node = NODES.objectNode();
        if (s.sid() != null) {
            node.put("Sid", s.sid());
        }
        node.put("Effect", s.effect().json());
        if (s.principal() != null) {
            principal(node, s.principal());
        }
        element(node, s.action(), "Action", "NotAction");
        if (s.resource() != null) {
            element(node, s.resource(), "Resource", "NotResource");
        }
        if (!s.conditions().isEmpty()) {
            ObjectNode block = node.putObject("Condition");
            for (Condition c : s.conditions()) {
                ObjectNode op = block.has(c.operator().json())
                        ? (ObjectNode) block.get(c.operator().json())
                        : block.putObject(c.operator().json());
                if (op.has(c.key())) {
                    // JSON holds one value list per operator and key; merging or dropping either would
                    // change what the statement allows.
                    throw new IllegalArgumentException("statement " + (s.sid() == null ? "" : s.sid() + " ")
                            + "has two " + c.operator().json() + " conditions on " + c.key()
                            + "; a policy document can hold only one: combine their values into one condition");
                }
                op.set(c.key(), values(c.values()));
            }
        }
        return node;
    }

    private static void principal(ObjectNode node, PrincipalElement p) {
        String field = p.negated() ? "NotPrincipal" : "Principal";
        if (p.wildcard()) {
            node.put(field, "*");
            return;
        }
        ObjectNode obj = node.putObject(field);
        p.byType().forEach((type, ids) -> obj.set(type, values(ids)));
    }

    private static void element(ObjectNode node, Element e, String positive, String negative) {
        node.set(e.negated() ? negative : positive, values(e.values()));
    }

    private static com.fasterxml.jackson.databind.JsonNode values(List<String> values) {
        if (values.size() == 1) {
            return NODES.textNode(values.get(0));
        }
        ArrayNode arr = NODES.arrayNode();
        values.forEach(arr::add);
        return arr;
    }
}
