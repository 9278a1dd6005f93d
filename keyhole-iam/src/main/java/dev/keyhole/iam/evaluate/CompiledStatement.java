package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Statement;
import dev.keyhole.iam.request.RequestContext;
import java.util.List;
import java.util.Locale;

/**
 * One statement compiled for matching: lower-cased action globs, ARN patterns (or templates where
 * policy variables need the request), and compiled conditions.
 *
 * <p>Matching rules: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * (case-insensitive, {@code *} and {@code ?}, no trimming) and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html (case-sensitive).
 */
final class CompiledStatement {

    final StatementRef ref;
    final boolean allow;
    final boolean notAction;
    final Glob[] actions;
    final boolean anyResource;
    final boolean notResource;
    final Template[] resourceTemplates;
    final ArnPattern[] resources;
    final CompiledCondition[] conditions;
    final PrincipalMatcher principal;

    CompiledStatement(Statement s, StatementRef ref, boolean variables) {
        this.ref = ref;
        this.allow = s.effect() == Effect.ALLOW;
        this.notAction = s.action().negated();
        this.actions = s.action().values().stream()
                .map(a -> Glob.of(a.toLowerCase(Locale.ROOT)))
                .toArray(Glob[]::new);
        Element r = s.resource();
        this.anyResource = r == null;
        this.notResource = r != null && r.negated();
        List<String> rs = r == null ? List.of() : r.values();
        this.resourceTemplates = rs.stream().map(v -> Template.parse(v, variables)).toArray(Template[]::new);
        ArnPattern[] compiled = new ArnPattern[resourceTemplates.length];
        for (int i = 0; i < compiled.length; i++) {
            Template t = resourceTemplates[i];
            compiled[i] = t.hasVariables() ? null : new ArnPattern(t.resolveGlob(RequestContext.empty()));
        }
        this.resources = compiled;
        this.conditions = s.conditions().stream()
                .map(c -> new CompiledCondition(c, variables))
                .toArray(CompiledCondition[]::new);
        this.principal = s.principal() == null ? null : new PrincipalMatcher(s.principal());
    }

    boolean matchesAction(String actionLower) {
        boolean any = false;
        for (Glob g : actions) {
            if (g.matches(actionLower)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    boolean matchesResource(Arn resource, RequestContext ctx) {
        if (anyResource) {
            return true;
        }
        boolean any = false;
        for (int i = 0; i < resources.length && !any; i++) {
            ArnPattern p = resources[i];
            if (p == null) {
                Glob g = resourceTemplates[i].resolveGlob(ctx);
                // An unresolvable variable matches nothing.
                any = g != null && new ArnPattern(g).matches(resource);
            } else {
                any = p.matches(resource);
            }
        }
        return any != notResource;
    }

    boolean matchesConditions(RequestContext ctx) {
        for (CompiledCondition c : conditions) {
            if (!c.test(ctx)) {
                return false;
            }
        }
        return true;
    }

    /** Literal lower-cased actions when every action is literal and positive; otherwise {@code null}. */
    String[] literalActions() {
        if (notAction) {
            return null;
        }
        String[] out = new String[actions.length];
        for (int i = 0; i < actions.length; i++) {
            if (!actions[i].isLiteral()) {
                return null;
            }
            out[i] = actions[i].text();
        }
        return out;
    }

    /** Literal ARNs when every resource is literal and positive; otherwise {@code null}. */
    String[] literalResources() {
        if (anyResource || notResource) {
            return null;
        }
        String[] out = new String[resources.length];
        for (int i = 0; i < resources.length; i++) {
            if (resources[i] == null || !resources[i].isLiteral()) {
                return null;
            }
            out[i] = resources[i].text();
        }
        return out;
    }
}
