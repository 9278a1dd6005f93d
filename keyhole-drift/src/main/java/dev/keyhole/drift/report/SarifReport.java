package dev.keyhole.drift.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.classify.Finding;
import dev.keyhole.drift.classify.Kind;
import dev.keyhole.drift.classify.Severity;
import java.io.IOException;
import java.io.Writer;

/**
 * The findings as SARIF 2.1.0 (OASIS): one rule per finding kind, one result per finding, located by
 * the resource ARN as a logical location since there is no source file. Critical and high findings
 * are {@code error}, medium {@code warning}, the rest {@code note}.
 */
final class SarifReport {

    private SarifReport() {}

    static void write(DriftReport r, Writer out) throws IOException {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "keyhole-drift");
        ArrayNode rules = driver.putArray("rules");
        for (Kind k : Kind.values()) {
            if (k == Kind.EXPECTED) {
                continue;
            }
            ObjectNode rule = rules.addObject();
            rule.put("id", k.id());
            rule.putObject("shortDescription").put("text", k.title());
            rule.putObject("defaultConfiguration").put("level", level(k.severity()));
            rule.putObject("properties").put("severity", k.severity().word());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.kind().id());
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.count() + " event(s): `" + f.action() + "` by `" + f.principal()
                    + "` — " + f.reason());
            ObjectNode logical = res.putArray("locations").addObject().putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", f.resource());
            logical.put("kind", "resource");
            res.set("properties", JsonReport.finding(f));
            res.putObject("partialFingerprints").put("keyholeDrift/v1",
                    f.kind().id() + "|" + f.principal() + "|" + f.action() + "|" + f.resource());
        }
        JsonReport.JSON.writeValue(new JsonReport.NoClose(out), root);
        out.write("\n");
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }
}
