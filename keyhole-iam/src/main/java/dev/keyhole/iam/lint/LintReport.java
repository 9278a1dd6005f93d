package dev.keyhole.iam.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The findings of one lint run and what they add up to, rendered as text or JSON
 * ({@link SarifReport} renders SARIF).
 *
 * @param findings every finding, suppressed ones included, in file and document order
 * @param filesChecked how many policies were linted
 */
public record LintReport(List<Located> findings, int filesChecked) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Whether an unsuppressed finding is at least as severe as {@code threshold}. */
    public boolean fails(Severity threshold) {
        return findings.stream().anyMatch(l -> !l.suppressed() && l.finding().severity().atLeast(threshold));
    }

    /** How many findings are not suppressed. */
    public long open() {
        return findings.stream().filter(l -> !l.suppressed()).count();
    }

    /** One line per open finding ({@code file:line:column: severity id: message; fix: ...}) and a summary. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Located l : findings) {
            if (l.suppressed()) {
                continue;
            }
            Finding f = l.finding();
            sb.append(l.file()).append(':').append(l.line()).append(':').append(l.column()).append(": ")
                    .append(f.severity().label()).append(' ').append(f.check().id()).append(": ").append(f.message())
                    .append(" [").append(f.pointer().isEmpty() ? "/" : f.pointer()).append("]; fix: ").append(f.fix())
                    .append('\n');
        }
        long suppressed = findings.size() - open();
        sb.append(filesChecked).append(" polic").append(filesChecked == 1 ? "y" : "ies").append(" checked: ")
                .append(open() == 0 ? "no findings" : open() + " finding(s)")
                .append(suppressed > 0 ? ", " + suppressed + " suppressed" : "").append('\n');
        return sb.toString();
    }

    /** {@code {"filesChecked", "findings": [{"file", "line", "column", "pointer", "check", "severity", "message", "fix", "suppressed", "justification"}]}}. */
    public ObjectNode json() {
        ObjectNode root = NODES.objectNode();
        root.put("filesChecked", filesChecked);
        ArrayNode arr = root.putArray("findings");
        for (Located l : findings) {
            Finding f = l.finding();
            ObjectNode o = arr.addObject();
            o.put("file", l.file());
            o.put("line", l.line());
            o.put("column", l.column());
            o.put("pointer", f.pointer());
            o.put("check", f.check().id());
            o.put("severity", f.severity().label());
            o.put("message", f.message());
            o.put("fix", f.fix());
            o.put("suppressed", l.suppressed());
            if (l.suppressed()) {
                o.put("justification", l.justification());
            }
        }
        return root;
    }
}
