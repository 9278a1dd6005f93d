package dev.keyhole.fuzz.targets;

import dev.keyhole.fuzz.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Every target by name, parsers (fast, in-process) first, then the servers (over HTTP). */
public final class Targets {

    private static final Map<String, Supplier<Target>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("runbook-yaml", RunbookYamlTarget::new);
        ALL.put("policy-json", PolicyJsonTarget::new);
        ALL.put("expression", ExpressionTarget::new);
        ALL.put("cursor", CursorTarget::new);
        ALL.put("engine-dynamodb", EngineTarget::dynamoDb);
        ALL.put("engine-sts", EngineTarget::sts);
        ALL.put("server-api", ServerApiTarget::new);
    }

    private Targets() {}

    /** The names {@code --target} accepts. */
    public static java.util.Set<String> names() {
        return ALL.keySet();
    }

    /** A started target; the caller closes it. */
    public static Target start(String name) {
        Supplier<Target> s = ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no target `" + name + "`; choose one of " + ALL.keySet());
        }
        return s.get();
    }
}
