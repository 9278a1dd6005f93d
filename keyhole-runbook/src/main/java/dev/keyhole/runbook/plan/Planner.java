package dev.keyhole.runbook.plan;

import dev.keyhole.runbook.bind.BoundValue;
import dev.keyhole.runbook.bind.ParameterValues;
import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a person's parameter values to a runbook query and builds the exact request.
 *
 * <p>Expression text comes only from the reviewed runbook. In it, {@code #name} stands for the
 * attribute {@code name} (so reserved words like {@code status} can be used), and {@code :param} for a
 * parameter's bound value. Projection entries are aliased the same way.
 */
public final class Planner {

    private static final Pattern NAME_REF = Pattern.compile("#([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([A-Za-z0-9_]+)");
    private static final Pattern PATH_PART = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");

    private Planner() {}

    /** Thrown when the caller's values do not satisfy the runbook; lists every problem. */
    public static final class BindException extends RuntimeException {
        private final transient List<String> problems;

        public BindException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        /** One message per parameter problem. */
        public List<String> problems() {
            return problems;
        }
    }

    /** Validates and binds every parameter (defaults applied). */
    public static Map<String, BoundValue> bind(Runbook rb, Map<String, String> given, Clock clock) {
        List<String> problems = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!rb.parameters().containsKey(name)) {
                problems.add("runbook `" + rb.name() + "` has no parameter `" + name + "`; it takes "
                        + String.join(", ", rb.parameters().keySet()));
            }
        }
        Map<String, BoundValue> out = new LinkedHashMap<>();
        for (Parameter p : rb.parameters().values()) {
            String raw = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (raw == null) {
                if (p.required()) {
                    problems.add("parameter `" + p.name() + "` is required; pass `--param " + p.name() + "=...`");
                }
                continue;
            }
            try {
                out.put(p.name(), ParameterValues.parse(p, raw, clock));
            } catch (IllegalArgumentException e) {
                problems.add("parameter `" + p.name() + "` " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new BindException(problems);
        }
        return out;
    }

    /** The request for {@code query} with {@code bound} values; {@code pageSize} is the page's {@code Limit}. */
    public static Plan plan(Runbook rb, QuerySpec q, Map<String, BoundValue> bound) {
        Map<String, String> names = new TreeMap<>();
        Map<String, BoundValue> values = new TreeMap<>();
        String keyCondition = q.keyCondition();
        String filter = q.filter();
        collectNames(keyCondition, names);
        collectNames(filter, names);
        collectValues(keyCondition, bound, values);
        collectValues(filter, bound, values);
        Map<String, BoundValue> key = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : q.key().entrySet()) {
            BoundValue v = bound.get(e.getValue().substring(1));
            if (v == null) {
                throw new BindException(List.of("key `" + e.getKey() + "` needs parameter `" + e.getValue() + "`"));
            }
            key.put(e.getKey(), v);
        }
        List<String> projection = new ArrayList<>();
        for (String path : q.projection()) {
            projection.add(aliasPath(path, names));
        }
        String index = q.index() != null ? q.index() : rb.target().index();
        return new Plan(q.operation(), rb.target().region(), rb.target().account(), rb.target().table(),
                q.operation() == Operation.GET_ITEM ? null : index, keyCondition, filter,
                String.join(", ", projection), key, names, values, rb.limits().pageSize(), q.scanIndexForward(),
                q.consistentRead());
    }

    private static String aliasPath(String path, Map<String, String> names) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("\\.")) {
            Matcher m = PATH_PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("projection path `" + path + "` is not valid");
            }
            String name = m.group(1);
            String alias = "#" + name.replaceAll("[^A-Za-z0-9_]", "_");
            names.put(alias, name);
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(alias).append(m.group(2));
        }
        return sb.toString();
    }

    private static void collectNames(String expr, Map<String, String> names) {
        if (expr == null) {
            return;
        }
        Matcher m = NAME_REF.matcher(expr);
        while (m.find()) {
            names.put("#" + m.group(1), m.group(1));
        }
    }

    private static void collectValues(String expr, Map<String, BoundValue> bound, Map<String, BoundValue> out) {
        if (expr == null) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(expr);
        while (m.find()) {
            BoundValue v = bound.get(m.group(1));
            if (v == null) {
                throw new BindException(List.of("parameter `" + m.group(1) + "` has no value and no default"));
            }
            out.put(":" + m.group(1), v);
        }
    }
}
