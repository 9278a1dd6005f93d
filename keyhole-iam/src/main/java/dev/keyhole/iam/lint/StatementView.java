package dev.keyhole.iam.lint;

import dev.keyhole.iam.catalog.ActionInfo;
import dev.keyhole.iam.catalog.Catalog;
import dev.keyhole.iam.catalog.Wildcards;
import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One statement with what the checks keep asking of it: the catalog actions it covers, its pointers.
 *
 * @param index the statement's position
 * @param statement the statement
 * @param actions the catalog actions its {@code Action} (or {@code NotAction}) covers
 * @param coversUnknownActions whether it also covers actions the catalog does not list
 */
record StatementView(int index, Statement statement, Set<ActionInfo> actions, boolean coversUnknownActions) {

    static StatementView of(int index, Statement s, Catalog catalog) {
        Set<ActionInfo> actions = new LinkedHashSet<>();
        boolean unknown = false;
        if (s.action().negated()) {
            for (ActionInfo a : catalog.actions()) {
                if (s.action().values().stream().noneMatch(p -> Wildcards.matches(p, a.fullName(), true))) {
                    actions.add(a);
                }
            }
            unknown = true;
        } else {
            for (String pattern : s.action().values()) {
                List<ActionInfo> matched = catalog.actionsMatching(pattern);
                actions.addAll(matched);
                String prefix = pattern.contains(":") ? pattern.substring(0, pattern.indexOf(':')) : pattern;
                boolean complete = catalog.service(prefix).map(x -> x.complete()).orElse(false);
                if (pattern.equals("*") || (!complete && (matched.isEmpty() || Wildcards.hasWildcard(pattern)))) {
                    unknown = true;
                }
            }
        }
        return new StatementView(index, s, Set.copyOf(actions), unknown);
    }

    boolean allows() {
        return statement.effect() == Effect.ALLOW;
    }

    boolean covers(String fullName) {
        return actions.stream().anyMatch(a -> a.fullName().equalsIgnoreCase(fullName));
    }

    /** The {@code Action} values that match the action (for pointing at them), or none for {@code NotAction}. */
    List<Integer> actionValuesMatching(String fullName) {
        List<Integer> out = new ArrayList<>();
        if (!statement.action().negated()) {
            List<String> values = statement.action().values();
            for (int j = 0; j < values.size(); j++) {
                if (Wildcards.matches(values.get(j), fullName, true)) {
                    out.add(j);
                }
            }
        }
        return out;
    }

    String actionField() {
        return statement.action().negated() ? "NotAction" : "Action";
    }

    String resourceField() {
        return statement.resource() != null && statement.resource().negated() ? "NotResource" : "Resource";
    }

    List<String> resources() {
        return statement.resource() == null ? List.of() : statement.resource().values();
    }

    /** Whether a condition on {@code key} requires it to be present ({@code Null} false). */
    boolean guardsPresence(String key) {
        for (Condition c : statement.conditions()) {
            if (c.operator().base() == BaseOperator.NULL && c.key().equalsIgnoreCase(key)
                    && c.values().stream().allMatch(v -> v.equalsIgnoreCase("false"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the statement pins {@code aws:RequestedRegion} with a positive test. */
    boolean pinsRegion() {
        for (Condition c : statement.conditions()) {
            if (c.key().equalsIgnoreCase("aws:RequestedRegion") && !c.operator().base().negated()
                    && !c.operator().ifExists() && c.operator().base() != BaseOperator.NULL
                    && c.values().stream().noneMatch(v -> v.equals("*"))) {
                return true;
            }
        }
        return false;
    }
}
