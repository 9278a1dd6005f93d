package dev.keyhole.cli.audit;

import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole audit public-key}: prints the PEM public key that verifies this installation's checkpoints. */
@Command(name = "public-key", mixinStandardHelpOptions = true,
        description = "Print the public key (PEM) that verifies the audit log's signed checkpoints.")
public final class PublicKeyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().print(config.load().audit().signer().publicKeyPem());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
