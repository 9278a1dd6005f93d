package dev.keyhole.cli.run;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.Gateway;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.credentials.SessionCredentials;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.execute.RunRequest;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keyhole credentials RUNBOOK ...}: the narrowed credentials of one execution as environment
 * variables, so people can use their own tools inside the keyhole. Only for runbooks that declare
 * {@code access.credentials: true}; every check a run makes applies.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = {"Print the narrowed credentials of a runbook execution as shell environment variables.",
            "Only for runbooks with `access.credentials: true`. Use: eval \"$(keyhole credentials RUNBOOK -p k=v -t T)\""})
public final class CredentialsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNBOOK")
    String runbook;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY")
    String query;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-t", "--ticket"}, paramLabel = "ID")
    String ticket;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml")
    Path config;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KeyholeConfig cfg = KeyholeConfig.load(config);
        Runbook rb = dev.keyhole.cli.runbooks.RunbookLookup.find(cfg.runbooks(), runbook, err);
        if (rb == null) {
            return ExitCode.INVALID_INPUT;
        }
        if (!rb.access().credentials()) {
            err.println("keyhole: refused: runbook `" + rb.name() + "` does not hand out credentials; its owner ("
                    + rb.owner() + ") can allow it with `access.credentials: true`");
            return ExitCode.DENIED;
        }
        Caller caller = dev.keyhole.cli.config.Callers.current(cfg);
        try (Gateway gw = new Gateway(cfg, Clock.systemUTC())) {
            SessionCredentials c = gw.executor().credentials(new RunRequest(caller, rb, query, params, ticket, null,
                    "kh-" + UUID.randomUUID().toString().substring(0, 18)));
            out.println("export AWS_ACCESS_KEY_ID=" + c.accessKeyId());
            out.println("export AWS_SECRET_ACCESS_KEY=" + c.secretAccessKey());
            out.println("export AWS_SESSION_TOKEN=" + c.sessionToken());
            out.println("export AWS_REGION=" + rb.target().region());
            if (cfg.endpoint() != null) {
                out.println("export AWS_ENDPOINT_URL=" + cfg.endpoint());
            }
            out.println("# expires " + c.expiration() + "; session " + c.sessionName() + "; allows only runbook "
                    + rb.name());
            return ExitCode.OK;
        } catch (Refusal e) {
            err.println("keyhole: refused: " + e.getMessage());
            return ExitCode.of(e.kind());
        }
    }
}
