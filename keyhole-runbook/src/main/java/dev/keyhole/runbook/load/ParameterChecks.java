package dev.keyhole.runbook.load;

import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.ParameterType;
import dev.keyhole.runbook.yaml.Location;

/** Checks that a parameter's constraints fit its type and that its default is a valid value. */
final class ParameterChecks {

    private ParameterChecks() {}

    static void checkDefinition(Parameter p, Location at, Problems problems) {
        String what = "parameter `" + p.name() + "`";
        boolean stringOnly = p.pattern() != null || p.minLength() != null || p.maxLength() != null || !p.allowed().isEmpty();
        if (stringOnly && p.type() != ParameterType.STRING) {
            problems.add(at, what + " is a " + p.type().yaml() + "; `pattern`, `minLength`, `maxLength` and `enum` "
                    + "apply to strings only");
        }
        boolean numberOnly = p.min() != null || p.max() != null || p.integer();
        if (numberOnly && p.type() != ParameterType.NUMBER) {
            problems.add(at, what + " is a " + p.type().yaml() + "; `min`, `max` and `integer` apply to numbers only");
        }
        if (p.min() != null && p.max() != null && p.min().compareTo(p.max()) > 0) {
            problems.add(at, what + " has `min` greater than `max`");
        }
        if (p.defaultValue() != null) {
            try {
                dev.keyhole.runbook.bind.ParameterValues.parse(p, p.defaultValue(), java.time.Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                problems.add(at, what + " has an invalid default: " + e.getMessage());
            }
        }
    }
}
