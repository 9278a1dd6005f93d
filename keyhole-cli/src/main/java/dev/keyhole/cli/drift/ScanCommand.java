package dev.keyhole.cli.drift;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.runbooks.RunbookDirectory;
import dev.keyhole.drift.DriftScan;
import dev.keyhole.drift.Progress;
import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.classify.SessionLookup;
import dev.keyhole.drift.classify.Severity;
import dev.keyhole.drift.report.ReportFormat;
import dev.keyhole.drift.trail.TrailSource;
import dev.keyhole.server.drift.AuditSessions;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.runbook.load.RunbookLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keyhole drift scan SOURCE --runbooks DIR}: classifies every DynamoDB call in a trail and exits
 * {@value #FINDINGS} when some finding reaches {@code --fail-on}.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Classify the DynamoDB calls in CloudTrail: expected keyhole runs, keyhole sessions outside their "
                + "audit record, standing access doing runbook work, and calls no runbook explains.",
        footer = {"", "SOURCE: a directory (a copy of the trail bucket), a file, s3://BUCKET/PREFIX, or - for JSON Lines "
                + "on standard input (EventBridge events too).",
                "Exit codes: 0 nothing at --fail-on or above, 5 findings at --fail-on or above, 1 failed, 2 invalid input."})
public final class ScanCommand implements Callable<Integer> {

    /** Exit code when some finding reaches {@code --fail-on}. */
    public static final int FINDINGS = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption config;

    @CommandLine.Mixin
    TrailSourceOptions sourceOptions;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Where the trail is.")
    String source;

    @Option(names = "--runbooks", paramLabel = "DIR", required = true, description = "The runbook directory.")
    Path runbooks;

    @Option(names = "--audit", paramLabel = "STORE",
            description = "The audit log: a SQLite file or a jdbc:postgresql:// URL (default: the one in keyhole.yaml).")
    String audit;

    @Option(names = "--audit-user", paramLabel = "USER", description = "PostgreSQL user; the password is read from KEYHOLE_AUDIT_PASSWORD.")
    String auditUser;

    @Option(names = "--no-audit", description = "No audit log: every keyhole role session counts as unaudited.")
    boolean noAudit;

    @Option(names = "--since", paramLabel = "WHEN", description = "An instant (2026-11-25T06:00:00Z) or a span back (P7D, PT1H).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "As --since; events before it.")
    String until;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, json, sarif or html (default ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--fail-on", defaultValue = "high", paramLabel = "SEVERITY",
            description = "Exit " + FINDINGS + " when a finding is at least this severe: info, low, medium, high, critical, "
                    + "or none (default ${DEFAULT-VALUE}).")
    String failOn;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat format;
        Severity threshold;
        Instant from;
        Instant to;
        TrailSource trail;
        try {
            format = ReportFormat.parse(output);
            threshold = failOn.equals("none") ? null : Severity.parse(failOn);
            Instant now = Instant.now();
            from = Times.parse(since, now);
            to = Times.parse(until, now);
            trail = sourceOptions.open(source, from, to);
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        // The audit log is opened and read on another thread while the runbooks load: both are start-up work
        // of a single core, and a scan is short enough on a small machine that the second core matters.
        Callable<AuditStore> opener = noAudit ? null : auditOpener();
        Instant windowFrom = from;
        Instant windowTo = to;
        CompletableFuture<SessionLookup> audited = opener == null ? CompletableFuture.completedFuture(SessionLookup.none())
                : CompletableFuture.supplyAsync(() -> {
                    try (AuditStore store = opener.call()) {
                        return AuditSessions.read(store, windowFrom, windowTo);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
        RunbookLoader.Result loaded = RunbookDirectory.load(runbooks, err);
        if (loaded == null || !loaded.ok()) {
            return ExitCode.INVALID_INPUT;
        }
        SessionLookup sessions;
        try {
            sessions = audited.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        DriftScan.Options o = DriftScan.Options.defaults().window(from, to).withThreads(sourceOptions.threads())
                .withProgress(sourceOptions.progress() ? new BarProgress("scan") : Progress.none());
        DriftReport report = DriftScan.run(trail, loaded.runbooks(), sessions, o);
        write(format, report);
        if (!report.stats().problems().isEmpty() && format != ReportFormat.TABLE) {
            report.stats().problems().forEach(p -> err.println("keyhole: skipped " + p));
        }
        return threshold != null && report.reaches(threshold) ? FINDINGS : ExitCode.OK;
    }

    /** Checks what can be checked at once about the audit option; the store itself opens when called. */
    private Callable<AuditStore> auditOpener() throws IOException {
        if (audit == null) {
            var settings = config.load().audit();
            return settings::openStore;
        }
        if (audit.startsWith("jdbc:postgresql:")) {
            String password = System.getenv("KEYHOLE_AUDIT_PASSWORD");
            return () -> AuditStore.postgresql(audit, auditUser, password);
        }
        Path file = Path.of(audit);
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no audit store at `" + audit + "`");
        }
        return () -> AuditStore.sqlite(file);
    }

    private void write(ReportFormat format, DriftReport report) throws IOException {
        if (out == null) {
            format.write(report, spec.commandLine().getOut());
            return;
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            format.write(report, w);
        }
        spec.commandLine().getErr().println("keyhole: report written to " + out);
    }
}
