package dev.keyhole.cli.audit;

import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.audit.AuditExport;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointSigner;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyhole audit export --format jsonl}: every record and checkpoint, with what verifying them takes. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the audit log with its checkpoints and public key, for verification elsewhere.")
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption config;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (the only format).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("jsonl")) {
            spec.commandLine().getErr().println("keyhole: --format must be jsonl");
            return ExitCode.INVALID_INPUT;
        }
        KeyholeConfig cfg = config.load();
        CheckpointSigner signer = cfg.audit().signer();
        try (AuditStore store = cfg.audit().openStore()) {
            if (outFile != null) {
                try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                    AuditExport.write(store, Map.of(signer.keyId(), signer.publicKeyPem()), w);
                }
            } else {
                PrintWriter out = spec.commandLine().getOut();
                AuditExport.write(store, Map.of(signer.keyId(), signer.publicKeyPem()), out);
            }
        }
        return ExitCode.OK;
    }
}
