package dev.keyhole.cli.privileges;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.drift.privileges.UnusedReport;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyhole privileges unused}: per principal, the DynamoDB actions its policies allow and nobody used. */
@Command(name = "unused", mixinStandardHelpOptions = true,
        description = "Compare what IAM policies allow in DynamoDB with what CloudTrail shows was used, and propose narrowed policies.")
public final class UnusedCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    UsageInputs inputs;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "Keep running and make the report again every DURATION (e.g. P7D: weekly), each into --report-dir.")
    java.time.Duration every;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "With --every: where each report goes, as unused-TIME.json.")
    java.nio.file.Path reportDir;

    @Option(names = "--runs", paramLabel = "N", hidden = true, description = "With --every: stop after N reports (tests).")
    int runs = Integer.MAX_VALUE;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> missing = inputs.missing();
        if (missing.isEmpty() && !output.equals("table") && !output.equals("json")) {
            missing = Optional.of("--output must be table or json");
        }
        if (missing.isPresent()) {
            err.println("keyhole: " + missing.get());
            return ExitCode.INVALID_INPUT;
        }
        if (every != null) {
            return scheduled(err);
        }
        UnusedReport r;
        try {
            r = inputs.analyze(err);
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.equals("json")) {
            UnusedPrinter.json(r, out);
        } else {
            UnusedPrinter.table(r, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Server mode: a JSON report into {@code --report-dir} now and then every {@code --every}, until stopped. */
    private int scheduled(PrintWriter err) throws Exception {
        if (reportDir == null || every.isNegative() || every.isZero()) {
            err.println("keyhole: --every needs a positive duration and --report-dir DIR");
            return ExitCode.INVALID_INPUT;
        }
        java.nio.file.Files.createDirectories(reportDir);
        for (int n = 0; n < runs; n++) {
            if (n > 0) {
                Thread.sleep(every.toMillis());
            }
            String stamp = java.time.Instant.now().toString().replace(":", "");
            java.nio.file.Path file = reportDir.resolve("unused-" + stamp + ".json");
            try (PrintWriter w = new PrintWriter(java.nio.file.Files.newBufferedWriter(file))) {
                UnusedPrinter.json(inputs.analyze(err), w);
            } catch (java.io.IOException | RuntimeException e) {
                err.println("keyhole: report " + file + " failed: " + e.getMessage() + "; trying again in " + every);
                continue;
            }
            err.println("keyhole: unused-privileges report written to " + file);
        }
        return ExitCode.OK;
    }
}
