package dev.keyhole.cli.audit;

import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.Instances;
import dev.keyhole.gateway.audit.StoredRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyhole audit search}: records by correlation id, ticket, principal, runbook, time range and outcome. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the audit log; filters combine with AND.")
public final class SearchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption config;

    @Option(names = "--correlation-id", paramLabel = "ID") String correlationId;
    @Option(names = "--ticket", paramLabel = "ID") String ticket;
    @Option(names = "--principal", paramLabel = "NAME") String principal;
    @Option(names = "--runbook", paramLabel = "NAME") String runbook;
    @Option(names = "--since", paramLabel = "WHEN", description = "An instant (2026-11-25T06:00:00Z) or a duration back (PT1H, P7D).")
    String since;
    @Option(names = "--until", paramLabel = "WHEN", description = "As --since; records before it.")
    String until;
    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "ok, failed, refused or interrupted.")
    String outcome;
    @Option(names = "--limit", defaultValue = "100", description = "At most this many records, the newest (default ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or jsonl.")
    String output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Instant now = Instant.now();
        AuditQuery q;
        try {
            if (!output.equals("table") && !output.equals("jsonl")) {
                throw new IllegalArgumentException("--output must be table or jsonl");
            }
            q = new AuditQuery(correlationId, ticket, principal, runbook, when(since, now), when(until, now), outcome, limit);
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        try (AuditStore store = config.load().audit().openStore()) {
            List<StoredRecord> found = store.search(q);
            if ("interrupted".equals(outcome)) {
                // The store cannot see processes; a run still going in a live process is not interrupted.
                found = found.stream().filter(r -> {
                    AuditEvent e = r.event();
                    return !Instances.mayStillRun((String) e.get(AuditEvent.Field.INSTANCE), e.time(), now);
                }).toList();
            }
            RecordPrinter p = new RecordPrinter(spec.commandLine().getOut(), output.equals("jsonl"));
            p.header();
            p.print(store, found, now);
        }
        return ExitCode.OK;
    }

    /** An instant, or a duration before {@code now}; null stays null. */
    static Instant when(String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            return text.startsWith("P") || text.startsWith("-P") ? now.minus(Duration.parse(text.replace("-", "")).abs())
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`" + text + "` is neither an instant like 2026-11-25T06:00:00Z nor a "
                    + "duration like PT1H or P7D");
        }
    }
}
