package dev.keyhole.runbook.load;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.parse.ExpressionParser;
import dev.keyhole.runbook.model.Example;
import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.model.Target;
import dev.keyhole.runbook.yaml.Location;
import dev.keyhole.runbook.yaml.YamlNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks that span fields: parameters declared and used, projections explicit, key conditions
 * that pin the partition key, and names that agree with the table's declared schema.
 */
final class RunbookChecks {

    private static final Pattern PLACEHOLDER = Pattern.compile(":([A-Za-z0-9_]+)");

    private final Problems problems;
    private final YamlNode root;

    RunbookChecks(Problems problems, YamlNode root) {
        this.problems = problems;
        this.root = root;
    }

    void check(Runbook rb) {
        Set<String> used = new LinkedHashSet<>();
        for (QuerySpec q : rb.queries().values()) {
            checkQuery(rb, q, used);
        }
        for (Parameter p : rb.parameters().values()) {
            if (!used.contains(p.name())) {
                problems.add(at("parameters", p.name()), "parameter `" + p.name() + "` is declared but no query uses it; "
                        + "use it as `:" + p.name() + "` or remove it");
            }
            ParameterChecks.checkDefinition(p, at("parameters", p.name()), problems);
        }
        for (int i = 0; i < rb.examples().size(); i++) {
            Example e = rb.examples().get(i);
            for (String name : e.params().keySet()) {
                if (!rb.parameters().containsKey(name)) {
                    problems.add(at("examples", i), "example uses parameter `" + name + "` that is not declared");
                }
            }
            if (e.query() != null && !rb.queries().containsKey(e.query())) {
                problems.add(at("examples", i), "example names query `" + e.query() + "` that does not exist");
            }
        }
    }

    private void checkQuery(Runbook rb, QuerySpec q, Set<String> used) {
        String name = q.name();
        checkSyntax(ExpressionKind.KEY_CONDITION, q.keyCondition(), name, "keyCondition");
        checkSyntax(ExpressionKind.FILTER, q.filter(), name, "filter");
        Set<String> here = new LinkedHashSet<>();
        collect(q.keyCondition(), here);
        collect(q.filter(), here);
        for (Map.Entry<String, String> e : q.key().entrySet()) {
            if (!e.getValue().startsWith(":")) {
                problems.add(at("queries", name, "key", e.getKey()), "key `" + e.getKey() + "` must take its value from "
                        + "a parameter, written `:name`; values are never literal text in a runbook");
            }
            collect(e.getValue(), here);
        }
        for (String p : here) {
            if (!rb.parameters().containsKey(p)) {
                problems.add(at("queries", name), "query `" + name + "` uses `:" + p + "` but no parameter `" + p
                        + "` is declared; add it under `parameters`");
            }
        }
        used.addAll(here);
        if (q.projection().isEmpty()) {
            problems.add(at("queries", name), "query `" + name + "` needs an explicit `projection`: list the "
                    + "attributes it may return, so its credentials can be limited to them");
        }
        switch (q.operation()) {
            case QUERY -> {
                if (q.keyCondition() == null) {
                    problems.add(at("queries", name), "query `" + name + "` needs a `keyCondition` that pins the "
                            + "partition key, e.g. `customerId = :customerId`");
                }
                if (!q.key().isEmpty()) {
                    problems.add(at("queries", name, "key"), "`key` is for GetItem; a Query uses `keyCondition`");
                }
            }
            case GET_ITEM -> {
                if (q.key().isEmpty()) {
                    problems.add(at("queries", name), "GetItem query `" + name + "` needs `key`, mapping each key "
                            + "attribute to a `:parameter`");
                }
                if (q.keyCondition() != null || q.filter() != null) {
                    problems.add(at("queries", name), "GetItem query `" + name + "` takes `key` only, not "
                            + "`keyCondition` or `filter`");
                }
            }
            case SCAN -> {
                if (q.keyCondition() != null) {
                    problems.add(at("queries", name, "keyCondition"), "a Scan has no `keyCondition`; use Query");
                }
            }
        }
        checkSchema(rb, q);
    }

    private void checkSchema(Runbook rb, QuerySpec q) {
        Target t = rb.target();
        if (t == null || t.keys() == null) {
            return;
        }
        String index = q.index() != null ? q.index() : t.index();
        Target.KeySchema keys = t.keys();
        if (index != null) {
            keys = t.keys().indexes().get(index);
            if (keys == null) {
                problems.add(at("queries", q.name()), "index `" + index + "` is not declared in `target.keys.indexes` "
                        + "of table `" + t.table() + "`; known: " + t.keys().indexes().keySet());
                return;
            }
            if (q.operation() == Operation.GET_ITEM) {
                problems.add(at("queries", q.name()), "GetItem reads the table, not index `" + index + "`");
                return;
            }
        }
        if (q.operation() == Operation.GET_ITEM) {
            Set<String> want = new LinkedHashSet<>();
            want.add(t.keys().partition());
            if (t.keys().sort() != null) {
                want.add(t.keys().sort());
            }
            if (!q.key().keySet().equals(want)) {
                problems.add(at("queries", q.name(), "key"), "GetItem `key` must name exactly the table's key "
                        + "attributes " + want + ", not " + q.key().keySet());
            }
        }
        if (q.operation() == Operation.QUERY && q.keyCondition() != null
                && !KeyConditionCheck.pinsPartitionKey(q.keyCondition(), keys.partition())) {
            problems.add(at("queries", q.name(), "keyCondition"), "the key condition of query `" + q.name()
                    + "` must pin the partition key `" + keys.partition() + "` with `=`, e.g. `" + keys.partition()
                    + " = :" + keys.partition() + "`");
        }
    }

    /**
     * Parses an expression with keyhole-dynamo's parser, so a runbook never ships text DynamoDB would
     * reject; a bare reserved word gets the `#name` fix (in a runbook, `#name` stands for `name`).
     */
    private void checkSyntax(ExpressionKind kind, String text, String query, String field) {
        if (text == null) {
            return;
        }
        try {
            ExpressionParser.condition(kind, text);
        } catch (DynamoValidationException e) {
            String fix = e.getMessage().contains("reserved keyword")
                    ? "; write `#" + e.getMessage().replaceAll(".*reserved keyword: ", "").trim() + "` instead"
                    : "";
            problems.add(at("queries", query, field), "`" + field + "` of query `" + query + "` is not valid: "
                    + e.getMessage() + fix);
        }
    }

    private static void collect(String text, Set<String> out) {
        if (text == null) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
    }

    /** The location of the node at a path of mapping keys and list indexes, or the nearest existing parent. */
    private Location at(Object... path) {
        YamlNode node = root;
        for (Object step : path) {
            YamlNode next = null;
            if (node instanceof YamlNode.Mapping m && step instanceof String s) {
                next = m.get(s);
            } else if (node instanceof YamlNode.Sequence seq && step instanceof Integer i && i < seq.items().size()) {
                next = seq.items().get(i);
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        return node.location();
    }
}
