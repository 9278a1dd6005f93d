package dev.keyhole.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.execute.RunResult;
import dev.keyhole.gateway.shape.AttributeJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Prints a run's items in the format the caller asked for; metadata goes to the error stream for tables. */
public final class ResultPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultPrinter() {}

    /** A page of results as shown, whether it came from the executor here or from a server. */
    public record Shown(String correlationId, List<ObjectNode> rows, String cursor, boolean capReached,
                        double consumedCapacity, long elapsedMs) {}

    /** Prints {@code r} to {@code out} as {@code table}, {@code json}, {@code jsonl} or {@code csv}. */
    public static void print(RunResult r, List<String> columnOrder, String format, PrintWriter out, PrintWriter err)
            throws Exception {
        List<ObjectNode> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : r.items()) {
            rows.add(AttributeJson.plain(item));
        }
        print(new Shown(r.correlationId(), rows, r.cursor(), r.capReached(), r.consumedCapacity(), r.elapsed().toMillis()),
                columnOrder, format, out, err);
    }

    /** Prints a page to {@code out} as {@code table}, {@code json}, {@code jsonl} or {@code csv}. */
    public static void print(Shown r, List<String> columnOrder, String format, PrintWriter out, PrintWriter err)
            throws Exception {
        List<ObjectNode> rows = r.rows();
        List<String> columns = columns(columnOrder, rows);
        switch (format) {
            case "json" -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("correlationId", r.correlationId());
                o.set("items", JSON.valueToTree(rows));
                o.put("count", rows.size());
                if (r.cursor() != null) {
                    o.put("cursor", r.cursor());
                }
                o.put("capReached", r.capReached());
                o.put("consumedCapacity", r.consumedCapacity());
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            }
            case "jsonl" -> {
                for (ObjectNode row : rows) {
                    out.println(JSON.writeValueAsString(row));
                }
                footer(r, err);
            }
            case "csv" -> {
                out.println(String.join(",", columns.stream().map(ResultPrinter::csv).toList()));
                for (ObjectNode row : rows) {
                    out.println(String.join(",", columns.stream().map(c -> csv(cell(row.get(c)))).toList()));
                }
                footer(r, err);
            }
            default -> {
                table(columns, rows, out);
                footer(r, err);
            }
        }
        out.flush();
    }

    private static void footer(Shown r, PrintWriter err) {
        err.println(r.rows().size() + " item(s); correlation id " + r.correlationId() + "; "
                + r.consumedCapacity() + " RCU; " + r.elapsedMs() + " ms");
        if (r.cursor() != null) {
            err.println("more: add --cursor " + r.cursor());
        } else if (r.capReached()) {
            err.println("stopped at the runbook's page or item limit");
        }
        err.flush();
    }

    private static List<String> columns(List<String> order, List<ObjectNode> rows) {
        Set<String> cols = new LinkedHashSet<>();
        for (String c : order) {
            String top = c.split("[.\\[]")[0].replace("#", "");
            cols.add(top);
        }
        rows.forEach(r -> r.fieldNames().forEachRemaining(cols::add));
        return new ArrayList<>(cols);
    }

    private static void table(List<String> columns, List<ObjectNode> rows, PrintWriter out) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            width[i] = columns.get(i).length();
            for (ObjectNode row : rows) {
                width[i] = Math.max(width[i], Math.min(48, cell(row.get(columns.get(i))).length()));
            }
        }
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            head.append(pad(columns.get(i), width[i])).append(i + 1 < columns.size() ? "  " : "");
        }
        out.println(head.toString().stripTrailing());
        for (ObjectNode row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                String v = cell(row.get(columns.get(i)));
                if (v.length() > 48) {
                    v = v.substring(0, 47) + "…";
                }
                line.append(pad(v, width[i])).append(i + 1 < columns.size() ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
