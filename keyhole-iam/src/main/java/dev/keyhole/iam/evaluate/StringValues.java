package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.request.RequestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code StringEquals}, {@code StringEqualsIgnoreCase}, {@code StringLike} and their negations. */
final class StringValues implements PolicyValues {

    private enum Mode { EXACT, IGNORE_CASE, LIKE }

    private final Mode mode;
    private final List<Template> templates;
    // Compiled when no template has a variable (or after binding):
    private final Set<String> exact;
    private final Glob[] globs;

    private final boolean variables;

    private StringValues(Mode mode, List<Template> templates, Set<String> exact, Glob[] globs) {
        this.variables = templates.stream().anyMatch(Template::hasVariables);
        this.mode = mode;
        this.templates = templates;
        this.exact = exact;
        this.globs = globs;
    }

    static PolicyValues compile(BaseOperator op, List<Template> templates) {
        Mode mode = switch (op) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> Mode.EXACT;
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> Mode.IGNORE_CASE;
            default -> Mode.LIKE;
        };
        StringValues unbound = new StringValues(mode, templates, null, null);
        return templates.stream().anyMatch(Template::hasVariables) ? unbound : unbound.bind(RequestContext.empty());
    }

    @Override
    public PolicyValues bind(RequestContext ctx) {
        if (!variables && (exact != null || globs != null)) {
            return this;
        }
        if (mode == Mode.LIKE) {
            java.util.List<Glob> g = new java.util.ArrayList<>(templates.size());
            for (Template t : templates) {
                Glob resolved = t.resolveGlob(ctx);
                // A variable with no value is null: it is like nothing, so it matches nothing.
                if (resolved != null) {
                    g.add(resolved);
                }
            }
            return new StringValues(mode, templates, null, g.toArray(Glob[]::new));
        }
        Set<String> set = new HashSet<>(templates.size() * 2);
        for (Template t : templates) {
            String v = t.resolveString(ctx);
            if (v == null) {
                continue;
            }
            set.add(mode == Mode.IGNORE_CASE ? v.toLowerCase(Locale.ROOT) : v);
        }
        return new StringValues(mode, templates, set, null);
    }

    @Override
    public int match(String v) {
        return matchesAny(v) ? MATCH : NO_MATCH;
    }

    private boolean matchesAny(String v) {
        switch (mode) {
            case EXACT:
                return exact.contains(v);
            case IGNORE_CASE:
                return exact.contains(v.toLowerCase(Locale.ROOT));
            default:
                for (Glob g : globs) {
                    if (g.matches(v)) {
                        return true;
                    }
                }
                return false;
        }
    }
}
