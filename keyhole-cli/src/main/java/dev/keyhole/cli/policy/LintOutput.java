package dev.keyhole.cli.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.iam.lint.LintReport;
import dev.keyhole.iam.lint.SarifReport;
import dev.keyhole.iam.lint.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The output flags every lint command shares ({@code --format}, {@code --fail-on}) and the exit code they give. */
public final class LintOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    /** The chosen format: text, json or sarif. */
    public String format() {
        return format;
    }

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "warning",
            description = "Exit 2 when a finding is at least this severe: error, security, warning or suggestion "
                    + "(default: ${DEFAULT-VALUE}).")
    String failOn;

    /** Checks the flags; a message for people, or {@code null} when they are fine. */
    public String invalid() {
        if (!format.equals("text") && !format.equals("json") && !format.equals("sarif")) {
            return "--format must be text, json or sarif";
        }
        try {
            Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            return "--fail-on: " + e.getMessage();
        }
        return null;
    }

    /** Prints the report and returns 0 when nothing reaches the threshold, 2 otherwise. */
    public int print(LintReport report, PrintWriter out) throws IOException {
        switch (format) {
            case "json" -> out.println(JSON.writeValueAsString(report.json()));
            case "sarif" -> out.println(JSON.writeValueAsString(SarifReport.write(report, version())));
            default -> out.print(report.text());
        }
        out.flush();
        return report.fails(Severity.parse(failOn)) ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }

    private static String version() {
        try (InputStream in = LintOutput.class.getResourceAsStream("/keyhole-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
