package dev.keyhole.fuzz.targets;

import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.Seeds;
import dev.keyhole.fuzz.Target;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.load.RunbookProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runbook YAML loading. The loader documents no exception: every problem comes back in its result, with a
 * location and a message. Oracles: nothing is thrown; every problem has a non-blank message and a location.
 */
public final class RunbookYamlTarget implements Target {

    @Override
    public String name() {
        return "runbook-yaml";
    }

    @Override
    public List<byte[]> seeds() {
        return Seeds.of(name());
    }

    @Override
    public List<String> dictionary() {
        return List.of("name:", "target:", "table:", "index:", "keys:", "partition:", "sort:", "parameters:", "type:",
                "string", "number", "integer", "pattern:", "required:", "queries:", "operation:", "Query", "GetItem",
                "Scan", "keyCondition:", "filter:", "projection:", "limits:", "masking:", "access:", "runners:",
                "approvers:", "ticket:", "group:", "user:", "\n  ", "\n    - ", "{", "}", "[", "]", "&a", "*a", "<<: *a",
                "!!str", "!!int", "? ", "|\n  ", ">-\n  ", "\"", "'", "#", "---\n", ":customerId", "#n");
    }

    @Override
    public String run(byte[] input) {
        RunbookLoader.Result r = RunbookLoader.load("fuzz.yaml", new String(input, StandardCharsets.UTF_8));
        if (r.ok()) {
            return "ok";
        }
        for (RunbookProblem p : r.problems()) {
            if (p.message() == null || p.message().isBlank() || p.location() == null) {
                throw new Finding(Finding.Kind.BAD_REJECTION, "a problem without a message or location: " + p);
            }
        }
        return Signatures.of(r.problems().get(0).message());
    }
}
