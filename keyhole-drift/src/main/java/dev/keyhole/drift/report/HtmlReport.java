package dev.keyhole.drift.report;

import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.classify.Finding;
import dev.keyhole.drift.trail.ScanProblem;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** One HTML page with its style inline and no script or outside resource, to attach to a ticket or mail. */
final class HtmlReport {

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;"
            + "vertical-align:top}th{background:#f4f4f4}code{font-size:12px}.critical{background:#fdd}"
            + ".high{background:#fec}.medium{background:#ffc}.low,.info{background:#eef}";

    private HtmlReport() {}

    static void write(DriftReport r, Writer out) throws IOException {
        var s = r.stats();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>keyhole drift report</title>"
                + "<style>" + STYLE + "</style></head><body>\n");
        out.write("<h1>keyhole drift report</h1>\n<p>Source <code>" + esc(r.source()) + "</code>; window "
                + esc(String.valueOf(r.since())) + " – " + esc(String.valueOf(r.until())) + ". " + s.files() + " files, "
                + s.records() + " records, " + s.dynamoDbEvents() + " DynamoDB events, " + s.duplicates()
                + " duplicates dropped.</p>\n");
        if (!s.problems().isEmpty()) {
            out.write("<h2>Unreadable input</h2><ul>");
            for (ScanProblem p : s.problems()) {
                out.write("<li><code>" + esc(p.file()) + "</code>: " + esc(p.message()) + "</li>");
            }
            out.write("</ul>\n");
        }
        out.write("<h2>DynamoDB events by classification</h2><table><tr><th>classification</th><th>events</th></tr>");
        for (Map.Entry<String, Long> e : r.counts().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            out.write("<tr><td>" + esc(e.getKey()) + "</td><td>" + e.getValue() + "</td></tr>");
        }
        out.write("</table>\n<h2>Findings (" + r.findings().size() + ")</h2>\n");
        if (r.findings().isEmpty()) {
            out.write("<p>No findings.</p>\n");
        } else {
            out.write("<table><tr><th>severity</th><th>finding</th><th>events</th><th>principal</th><th>action</th>"
                    + "<th>resource</th><th>region</th><th>first</th><th>last</th><th>reason</th><th>event ids</th></tr>\n");
            for (Finding f : r.findings()) {
                out.write("<tr class=\"" + f.severity().word() + "\"><td>" + f.severity().word() + "</td><td>"
                        + esc(f.kind().id()) + "</td><td>" + f.count() + "</td><td><code>" + esc(f.principal())
                        + "</code></td><td>" + esc(f.action()) + "</td><td><code>" + esc(f.resource()) + "</code></td><td>"
                        + esc(f.region()) + "</td><td>" + f.first() + "</td><td>" + f.last() + "</td><td>"
                        + esc(f.reason()) + "</td><td><code>" + esc(String.join(" ", f.eventIds())) + "</code></td></tr>\n");
            }
            out.write("</table>\n");
        }
        out.write("</body></html>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
