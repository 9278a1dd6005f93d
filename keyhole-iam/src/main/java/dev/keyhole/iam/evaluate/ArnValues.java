package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.request.RequestContext;
import java.util.List;

/** {@code ArnEquals}/{@code ArnLike} and their negations: both match component by component with wildcards. */
final class ArnValues implements PolicyValues {

    private final List<Template> templates;
    private final ArnPattern[] patterns;

    private ArnValues(List<Template> templates, ArnPattern[] patterns) {
        this.templates = templates;
        this.patterns = patterns;
    }

    static PolicyValues compile(List<Template> templates) {
        ArnValues unbound = new ArnValues(templates, null);
        return templates.stream().anyMatch(Template::hasVariables) ? unbound : unbound.bind(RequestContext.empty());
    }

    @Override
    public PolicyValues bind(RequestContext ctx) {
        if (patterns != null && templates.stream().noneMatch(Template::hasVariables)) {
            return this;
        }
        java.util.List<ArnPattern> p = new java.util.ArrayList<>(templates.size());
        for (Template t : templates) {
            Glob g = t.resolveGlob(ctx);
            if (g != null) {
                p.add(new ArnPattern(g));
            }
        }
        return new ArnValues(templates, p.toArray(ArnPattern[]::new));
    }

    @Override
    public int match(String v) {
        Arn arn = new Arn(v);
        if (!arn.valid) {
            return NO_MATCH;
        }
        for (ArnPattern p : patterns) {
            if (p.matches(arn)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
