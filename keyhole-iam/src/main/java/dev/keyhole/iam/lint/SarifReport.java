package dev.keyhole.iam.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Renders a {@link LintReport} as a SARIF 2.1.0 log: one run whose driver lists every {@link Check} as a
 * rule, one result per finding with its file region and JSON pointer (as a logical location), and
 * suppressed findings carrying an external suppression with the justification.
 * Format: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
public final class SarifReport {

    /** The schema URI the log declares. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SarifReport() {}

    /** The SARIF log for the report; {@code version} is keyhole's. */
    public static ObjectNode write(LintReport report, String version) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "keyhole");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        List<Check> checks = List.of(Check.values());
        for (Check c : checks) {
            ObjectNode r = rules.addObject();
            r.put("id", c.id());
            r.put("name", c.name());
            r.putObject("shortDescription").put("text", c.summary());
            r.putObject("help").put("text", c.fix());
            r.putObject("defaultConfiguration").put("level", level(c.severity()));
            r.putObject("properties").put("severity", c.severity().label());
        }
        ArrayNode results = run.putArray("results");
        for (Located l : report.findings()) {
            Finding f = l.finding();
            ObjectNode res = results.addObject();
            res.put("ruleId", f.check().id());
            res.put("ruleIndex", checks.indexOf(f.check()));
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message() + "; fix: " + f.fix());
            ObjectNode loc = res.putArray("locations").addObject();
            ObjectNode physical = loc.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(l.file()));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", l.line());
            region.put("startColumn", l.column());
            loc.putArray("logicalLocations").addObject()
                    .put("fullyQualifiedName", f.pointer().isEmpty() ? "/" : f.pointer()).put("kind", "object");
            if (l.suppressed()) {
                res.putArray("suppressions").addObject().put("kind", "external").put("justification", l.justification());
            }
            res.putObject("properties").put("severity", f.severity().label()).put("fix", f.fix());
        }
        return log;
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR, SECURITY -> "error";
            case WARNING -> "warning";
            case SUGGESTION -> "note";
        };
    }

    /** A relative URI reference for a path: forward slashes, spaces and the like percent-encoded. */
    static String uri(String file) {
        StringBuilder sb = new StringBuilder();
        for (char c : file.replace('\\', '/').toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b));
                }
            }
        }
        return sb.toString();
    }
}
