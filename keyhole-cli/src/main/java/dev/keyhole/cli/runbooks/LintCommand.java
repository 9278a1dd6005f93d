package dev.keyhole.cli.runbooks;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.runbook.load.RunbookLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keyhole runbooks lint DIR}: every problem in every runbook, file:line:column; exit 2 on any. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check runbook files; prints every problem as file:line:column and exits 2 if there is any.")
public final class LintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The runbook directory.")
    Path dir;

    @picocli.CommandLine.Option(names = "--describe", description = "For runbooks without `target.keys`, read "
            + "the key schema with DescribeTable (endpoint and credentials from keyhole.yaml or --access-key).")
    boolean describe;

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml")
    Path config;

    @picocli.CommandLine.Option(names = "--access-key", paramLabel = "ID:SECRET",
            description = "Credentials for DescribeTable (default: keyhole.yaml's, else the SDK's default chain).")
    String accessKey;

    @Override
    public Integer call() throws Exception {
        RunbookLoader.Result r;
        if (describe) {
            dev.keyhole.cli.config.KeyholeConfig cfg = dev.keyhole.cli.config.KeyholeConfig.load(config);
            String id = accessKey == null ? cfg.accessKeyId() : accessKey.split(":", 2)[0];
            String secret = accessKey == null ? cfg.secretAccessKey() : accessKey.split(":", 2)[1];
            try (TableSchemas schemas = new TableSchemas(cfg, id, secret)) {
                r = RunbookDirectory.load(dir, spec.commandLine().getErr(), schemas);
            }
        } else {
            r = RunbookDirectory.load(dir, spec.commandLine().getErr());
        }
        if (r == null) {
            return ExitCode.INVALID_INPUT;
        }
        if (!r.ok()) {
            spec.commandLine().getErr().println(r.problems().size() + " problem(s) in " + dir);
            return ExitCode.INVALID_INPUT;
        }
        spec.commandLine().getOut().println(r.runbooks().size() + " runbook(s) in " + dir + ": no problems");
        return ExitCode.OK;
    }
}
