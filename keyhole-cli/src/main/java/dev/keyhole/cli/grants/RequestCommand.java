package dev.keyhole.cli.grants;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.cli.runbooks.RunbookLookup;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyhole grants request RUNBOOK --ticket T --reason R [--exception --duration PT2H]}. */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = "Ask for the approvals a runbook needs, or (--exception) to run one you otherwise could not.")
final class RequestCommand extends GrantAction {

    @Parameters(index = "0", paramLabel = "RUNBOOK")
    String runbook;

    @Option(names = {"-t", "--ticket"}, paramLabel = "ID")
    String ticket;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", required = true)
    String reason;

    @Option(names = "--exception", description = "Break-glass: a time-boxed exception to the runbook's runners.")
    boolean exception;

    @Option(names = "--duration", paramLabel = "ISO-8601", defaultValue = "PT1H",
            description = "How long the exception lasts once approved (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    Grant act(KeyholeConfig cfg, Grants grants, Caller who, PrintWriter out) throws Exception {
        Runbook rb = RunbookLookup.find(cfg.runbooks(), runbook, spec.commandLine().getErr());
        if (rb == null) {
            throw new IllegalArgumentException("no runbook `" + runbook + "`");
        }
        return exception ? grants.requestException(who, rb, ticket, reason, duration)
                : grants.requestApproval(who, rb, ticket, reason);
    }
}
