package dev.keyhole.drift.report;

import dev.keyhole.drift.classify.DriftReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The ways a drift report can be written. */
public enum ReportFormat {
    TABLE, JSON, SARIF, HTML;

    /** Writes {@code report} in this format. */
    public void write(DriftReport report, Writer out) throws IOException {
        switch (this) {
            case TABLE -> TableReport.write(report, out);
            case JSON -> JsonReport.write(report, out);
            case SARIF -> SarifReport.write(report, out);
            case HTML -> HtmlReport.write(report, out);
        }
        out.flush();
    }

    /** Reads {@code table}, {@code json}, {@code sarif} or {@code html}. */
    public static ReportFormat parse(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("output `" + word + "` is not one of table, json, sarif, html");
        }
    }
}
