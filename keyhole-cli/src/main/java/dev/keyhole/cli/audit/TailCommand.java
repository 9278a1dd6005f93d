package dev.keyhole.cli.audit;

import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyhole audit tail}: the newest records, and with {@code --follow} new ones as they are written. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Show the newest audit records; --follow for new ones.")
public final class TailCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption config;

    @Option(names = {"-n", "--lines"}, defaultValue = "20", description = "How many of the newest records (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until interrupted.")
    boolean follow;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or jsonl.")
    String output;

    @Override
    public Integer call() throws Exception {
        if (lines < 1 || (!output.equals("table") && !output.equals("jsonl"))) {
            spec.commandLine().getErr().println("keyhole: --lines must be at least 1 and --output table or jsonl");
            return ExitCode.INVALID_INPUT;
        }
        try (AuditStore store = config.load().audit().openStore()) {
            RecordPrinter p = new RecordPrinter(spec.commandLine().getOut(), output.equals("jsonl"));
            p.header();
            List<StoredRecord> last = store.search(AuditQuery.all(lines));
            p.print(store, last, Instant.now());
            long seen = last.isEmpty() ? 0 : last.get(last.size() - 1).seq();
            while (follow && !Thread.currentThread().isInterrupted()) {
                Thread.sleep(1_000);
                List<StoredRecord> fresh = new ArrayList<>();
                store.forEach(seen + 1, fresh::add);
                if (!fresh.isEmpty()) {
                    p.print(store, fresh, Instant.now());
                    seen = fresh.get(fresh.size() - 1).seq();
                }
            }
        }
        return ExitCode.OK;
    }
}
