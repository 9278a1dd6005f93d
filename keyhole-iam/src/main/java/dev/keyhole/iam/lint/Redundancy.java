package dev.keyhole.iam.lint;

import dev.keyhole.iam.catalog.Wildcards;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Finds statements another statement of the same effect already covers: every action and resource
 * pattern of the narrower one is covered by the wider one's, and the wider one has no condition the
 * narrower one lacks (so it applies at least as often).
 */
final class Redundancy {

    private Redundancy() {}

    /** The index of a statement that covers {@code statements.get(i)}, or -1. */
    static int coveredBy(List<Statement> statements, int i) {
        Statement narrow = statements.get(i);
        for (int j = 0; j < statements.size(); j++) {
            if (j == i) {
                continue;
            }
            Statement wide = statements.get(j);
            if (covers(wide, narrow) && (!covers(narrow, wide) || j < i)) {
                return j;
            }
        }
        return -1;
    }

    static boolean covers(Statement wide, Statement narrow) {
        return wide.effect() == narrow.effect()
                && Objects.equals(wide.principal(), narrow.principal())
                && new HashSet<>(narrow.conditions()).containsAll(wide.conditions())
                && covers(wide.action(), narrow.action(), true)
                && (wide.resource() == null ? narrow.resource() == null
                        : narrow.resource() != null && covers(wide.resource(), narrow.resource(), false));
    }

    private static boolean covers(Element wide, Element narrow, boolean ignoreCase) {
        if (wide.negated() || narrow.negated()) {
            return wide.equals(narrow);
        }
        return narrow.values().stream().allMatch(n -> wide.values().stream()
                .anyMatch(w -> Wildcards.covers(w, n, ignoreCase)));
    }
}
