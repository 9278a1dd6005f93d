package dev.keyhole.drift.report;

import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.classify.Finding;
import dev.keyhole.drift.trail.ScanProblem;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** The summary for a terminal: what was read, counts by classification, then one row per finding. */
final class TableReport {

    private TableReport() {}

    static void write(DriftReport r, Writer out) throws IOException {
        var s = r.stats();
        out.write("scanned " + r.source() + ": " + s.files() + " files, " + s.records() + " records, "
                + s.dynamoDbEvents() + " DynamoDB events (" + s.duplicates() + " duplicates dropped, "
                + s.outsideWindow() + " outside the window)\n");
        for (ScanProblem p : s.problems()) {
            out.write("problem: " + p + "\n");
        }
        out.write("\n");
        List<String[]> counts = new ArrayList<>();
        counts.add(new String[] {"CLASSIFICATION", "EVENTS"});
        r.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> counts.add(new String[] {e.getKey(), Long.toString(e.getValue())}));
        table(counts, out);
        out.write("\n");
        if (r.findings().isEmpty()) {
            out.write("no findings\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SEVERITY", "FINDING", "EVENTS", "PRINCIPAL", "ACTION", "RESOURCE", "FIRST", "REASON"});
        for (Finding f : r.findings()) {
            rows.add(new String[] {f.severity().word(), f.kind().id(), Long.toString(f.count()), f.principal(),
                    f.action(), f.resource(), String.valueOf(f.first()), f.reason()});
        }
        table(rows, out);
    }

    /** Left-aligned columns, two spaces apart; the last column is not padded. */
    private static void table(List<String[]> rows, Writer out) throws IOException {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], String.valueOf(row[i]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = String.valueOf(row[i]);
                line.append(cell);
                if (i < cols - 1) {
                    line.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            out.write(line.toString().stripTrailing() + "\n");
        }
    }
}
