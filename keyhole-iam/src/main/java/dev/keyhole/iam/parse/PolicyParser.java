package dev.keyhole.iam.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.PrincipalElement;
import dev.keyhole.iam.policy.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads IAM policy JSON into a {@link Policy}, reporting every problem at once.
 *
 * <p>Accepts every shape IAM accepts: {@code Statement} as an object or an array, single strings or
 * arrays for {@code Action}, {@code Resource}, principal identifiers and condition values, and JSON
 * numbers and booleans as condition values. Grammar:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
public final class PolicyParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_FIELDS = Set.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");

    private PolicyParser() {}

    /** Parses JSON text; throws {@link PolicyParseException} listing every problem. */
    public static Policy parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new PolicyParseException(List.of(new PolicyProblem("", "not valid JSON" + where + ": " + detail)));
        }
        if (root == null || root.isMissingNode()) {
            throw new PolicyParseException(List.of(new PolicyProblem("", "the policy document is empty")));
        }
        return parse(root);
    }

    /** Parses an already-read JSON tree (for callers that embed policies in larger documents). */
    public static Policy parse(JsonNode root) {
        Reader reader = new Reader();
        Policy policy = reader.policy(root);
        if (!reader.problems.isEmpty()) {
            throw new PolicyParseException(reader.problems);
        }
        return policy;
    }

    /** Collects problems while walking one document. */
    private static final class Reader {
        final List<PolicyProblem> problems = new ArrayList<>();

        void problem(String pointer, String message) {
            problems.add(new PolicyProblem(pointer, message));
        }

        Policy policy(JsonNode root) {
            if (!root.isObject()) {
                problem("", "a policy must be a JSON object with `Version` and `Statement`, not " + describe(root));
                return null;
            }
            unknownFields(root, "", TOP_LEVEL, "policy");
            String version = optionalString(root, "", "Version");
            if (version != null && !Policy.VERSION_2012.equals(version) && !Policy.VERSION_2008.equals(version)) {
                problem("/Version", "unknown policy language version `" + version
                        + "`; use `2012-10-17`");
            }
            String id = optionalString(root, "", "Id");
            JsonNode st = root.get("Statement");
            List<Statement> statements = new ArrayList<>();
            if (st == null) {
                problem("", "missing `Statement`; a policy needs at least one statement");
            } else if (st.isObject()) {
                addIfPresent(statements, statement(st, "/Statement"));
            } else if (st.isArray()) {
                if (st.isEmpty()) {
                    problem("/Statement", "`Statement` is empty; a policy needs at least one statement");
                }
                for (int i = 0; i < st.size(); i++) {
                    addIfPresent(statements, statement(st.get(i), Pointer.child("/Statement", i)));
                }
            } else {
                problem("/Statement", "`Statement` must be an object or an array of objects, not " + describe(st));
            }
            checkDuplicateSids(statements, st);
            return new Policy(version, id, statements);
        }

        private static void addIfPresent(List<Statement> list, Statement s) {
            if (s != null) {
                list.add(s);
            }
        }

        private void checkDuplicateSids(List<Statement> statements, JsonNode st) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < statements.size(); i++) {
                String sid = statements.get(i).sid();
                if (sid != null && !sid.isEmpty() && !seen.add(sid)) {
                    String ptr = st != null && st.isArray() ? Pointer.child("/Statement", i) + "/Sid" : "/Statement/Sid";
                    problem(ptr, "duplicate `Sid` `" + sid + "`; statement ids must be unique within a policy");
                }
            }
        }

        Statement statement(JsonNode node, String ptr) {
            if (!node.isObject()) {
                problem(ptr, "a statement must be a JSON object, not " + describe(node));
                return null;
            }
            int before = problems.size();
            unknownFields(node, ptr, STATEMENT_FIELDS, "statement");
            String sid = optionalString(node, ptr, "Sid");
            Effect effect = null;
            JsonNode eff = node.get("Effect");
            if (eff == null) {
                problem(ptr, "missing `Effect`; use `Allow` or `Deny`");
            } else if (!eff.isTextual() || (effect = Effect.fromJson(eff.asText())) == null) {
                problem(ptr + "/Effect", "`Effect` must be exactly `Allow` or `Deny`, not " + describe(eff));
            }
            Element action = element(node, ptr, "Action", "NotAction", true);
            Element resource = element(node, ptr, "Resource", "NotResource", false);
            PrincipalElement principal = principal(node, ptr);
            List<Condition> conditions = conditions(node, ptr);
            if (action != null) {
                String field = action.negated() ? "NotAction" : "Action";
                List<String> values = action.values();
                for (int i = 0; i < values.size(); i++) {
                    checkAction(values.get(i), valuePointer(node.get(field), ptr + "/" + field, i));
                }
            }
            if (resource != null) {
                String field = resource.negated() ? "NotResource" : "Resource";
                List<String> values = resource.values();
                for (int i = 0; i < values.size(); i++) {
                    checkResource(values.get(i), valuePointer(node.get(field), ptr + "/" + field, i));
                }
            }
            if (problems.size() != before) {
                return null;
            }
            return new Statement(sid, effect, principal, action, resource, conditions);
        }

        private static String valuePointer(JsonNode node, String ptr, int i) {
            return node != null && node.isArray() ? Pointer.child(ptr, i) : ptr;
        }

        /** Only the shape IAM insists on; spelling (spaces, unknown services) is left to the linter. */
        private void checkAction(String action, String ptr) {
            if (action.equals("*")) {
                return;
            }
            int colon = action.indexOf(':');
            if (colon <= 0 || colon == action.length() - 1) {
                problem(ptr, "action `" + action + "` must be `*` or `service:action`, e.g. `dynamodb:Query`");
            }
        }

        private void checkResource(String resource, String ptr) {
            if (resource.equals("*")) {
                return;
            }
            if (!resource.startsWith("arn:") || countColons(resource) < 5) {
                problem(ptr, "resource `" + resource + "` must be `*` or an ARN "
                        + "`arn:partition:service:region:account:resource`");
            }
        }

        private static int countColons(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == ':') {
                    n++;
                }
            }
            return n;
        }

        private Element element(JsonNode node, String ptr, String positive, String negative, boolean required) {
            JsonNode pos = node.get(positive);
            JsonNode neg = node.get(negative);
            if (pos != null && neg != null) {
                problem(ptr, "a statement has either `" + positive + "` or `" + negative + "`, not both");
                return null;
            }
            if (pos == null && neg == null) {
                if (required) {
                    problem(ptr, "missing `" + positive + "` (or `" + negative + "`)");
                }
                return null;
            }
            boolean negated = pos == null;
            String field = negated ? negative : positive;
            List<String> values = stringList(negated ? neg : pos, ptr + "/" + field, field, false);
            return values == null ? null : new Element(values, negated);
        }

        private PrincipalElement principal(JsonNode node, String ptr) {
            JsonNode pos = node.get("Principal");
            JsonNode neg = node.get("NotPrincipal");
            if (pos != null && neg != null) {
                problem(ptr, "a statement has either `Principal` or `NotPrincipal`, not both");
                return null;
            }
            if (pos == null && neg == null) {
                return null;
            }
            boolean negated = pos == null;
            String field = negated ? "NotPrincipal" : "Principal";
            JsonNode value = negated ? neg : pos;
            String p = ptr + "/" + field;
            if (value.isTextual()) {
                if (!value.asText().equals("*")) {
                    problem(p, "`" + field + "` as a string must be `*`; otherwise write "
                            + "`{\"AWS\": \"" + value.asText() + "\"}`");
                    return null;
                }
                return new PrincipalElement(negated, true, Map.of());
            }
            if (!value.isObject()) {
                problem(p, "`" + field + "` must be `*` or an object such as `{\"AWS\": \"arn:...\"}`, not "
                        + describe(value));
                return null;
            }
            if (value.isEmpty()) {
                problem(p, "`" + field + "` is empty; name at least one principal");
                return null;
            }
            Map<String, List<String>> byType = new LinkedHashMap<>();
            var names = value.fieldNames();
            while (names.hasNext()) {
                String type = names.next();
                if (!PrincipalElement.TYPES.contains(type)) {
                    problem(Pointer.child(p, type), "unknown principal type `" + type
                            + "`; use `AWS`, `Service`, `Federated` or `CanonicalUser`");
                    continue;
                }
                List<String> ids = stringList(value.get(type), Pointer.child(p, type), type, false);
                if (ids != null) {
                    byType.put(type, ids);
                }
            }
            return new PrincipalElement(negated, false, byType);
        }

        private List<Condition> conditions(JsonNode node, String ptr) {
            JsonNode block = node.get("Condition");
            if (block == null) {
                return List.of();
            }
            String p = ptr + "/Condition";
            if (!block.isObject()) {
                problem(p, "`Condition` must be an object of operators, not " + describe(block));
                return List.of();
            }
            List<Condition> out = new ArrayList<>();
            var ops = block.fields();
            while (ops.hasNext()) {
                var op = ops.next();
                String opPtr = Pointer.child(p, op.getKey());
                ConditionOperator operator = ConditionOperator.parse(op.getKey()).orElse(null);
                if (operator == null) {
                    problem(opPtr, "unknown condition operator `" + op.getKey()
                            + "`; e.g. `StringEquals`, `ForAllValues:StringLike`, `DateLessThan`");
                    continue;
                }
                if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                    problem(opPtr, "operator `" + op.getKey() + "` must map condition keys to values, e.g. "
                            + "`{\"aws:RequestedRegion\": \"eu-west-1\"}`");
                    continue;
                }
                var keys = op.getValue().fields();
                while (keys.hasNext()) {
                    var k = keys.next();
                    String keyPtr = Pointer.child(opPtr, k.getKey());
                    if (k.getKey().isEmpty()) {
                        problem(keyPtr, "empty condition key");
                        continue;
                    }
                    List<String> values = stringList(k.getValue(), keyPtr, "condition key `" + k.getKey() + "`", true);
                    if (values != null) {
                        out.add(new Condition(operator, k.getKey(), values));
                    }
                }
            }
            return out;
        }

        /** A string or array of strings (and, where {@code scalars}, numbers and booleans as text). */
        private List<String> stringList(JsonNode value, String ptr, String what, boolean scalars) {
            if (isScalar(value, scalars)) {
                return List.of(value.asText());
            }
            if (!value.isArray()) {
                problem(ptr, "`" + stripTicks(what) + "` must be a string or an array of strings, not " + describe(value));
                return null;
            }
            if (value.isEmpty()) {
                problem(ptr, "`" + stripTicks(what) + "` is an empty array; give at least one value");
                return null;
            }
            List<String> out = new ArrayList<>(value.size());
            boolean ok = true;
            for (int i = 0; i < value.size(); i++) {
                JsonNode v = value.get(i);
                if (isScalar(v, scalars)) {
                    out.add(v.asText());
                } else {
                    problem(Pointer.child(ptr, i), "values must be strings, not " + describe(v));
                    ok = false;
                }
            }
            return ok ? out : null;
        }

        private static String stripTicks(String what) {
            return what.replace("`", "");
        }

        private static boolean isScalar(JsonNode v, boolean scalars) {
            return v.isTextual() || (scalars && (v.isNumber() || v.isBoolean()));
        }

        private String optionalString(JsonNode node, String ptr, String field) {
            JsonNode v = node.get(field);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                problem(Pointer.child(ptr, field), "`" + field + "` must be a string, not " + describe(v));
                return null;
            }
            return v.asText();
        }

        private void unknownFields(JsonNode node, String ptr, Set<String> allowed, String what) {
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    String hint = allowed.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst()
                            .map(a -> "; did you mean `" + a + "`? element names are case-sensitive")
                            .orElse("; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
                    problem(Pointer.child(ptr, name), "unknown " + what + " element `" + name + "`" + hint);
                }
            }
        }

        private static String describe(JsonNode v) {
            JsonNodeType t = v.getNodeType();
            return switch (t) {
                case STRING -> "the string `" + v.asText() + "`";
                case NUMBER -> "the number `" + v.asText() + "`";
                case BOOLEAN -> "`" + v.asText() + "`";
                case NULL -> "`null`";
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                default -> t.name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
