package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.request.RequestContext;
import java.util.List;

/** {@code Bool}: {@code true} or {@code false}, compared without regard to case. */
final class BoolValues implements PolicyValues {

    private final boolean allowsTrue;
    private final boolean allowsFalse;

    private BoolValues(boolean allowsTrue, boolean allowsFalse) {
        this.allowsTrue = allowsTrue;
        this.allowsFalse = allowsFalse;
    }

    static PolicyValues compile(List<String> raw) {
        return new BoolValues(raw.stream().anyMatch("true"::equalsIgnoreCase),
                raw.stream().anyMatch("false"::equalsIgnoreCase));
    }

    @Override
    public PolicyValues bind(RequestContext ctx) {
        return this;
    }

    @Override
    public int match(String v) {
        if ("true".equalsIgnoreCase(v)) {
            return allowsTrue ? MATCH : NO_MATCH;
        }
        if ("false".equalsIgnoreCase(v)) {
            return allowsFalse ? MATCH : NO_MATCH;
        }
        return INVALID;
    }
}
