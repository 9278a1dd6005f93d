package dev.keyhole.cli.audit;

import dev.keyhole.cli.config.ConfigOption;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.audit.AuditExport;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.AuditVerifier;
import dev.keyhole.gateway.audit.VerifyReport;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyhole audit verify}: checks the hash chain and the signed checkpoints of the log (or of an
 * export) and names the first bad record. Exit 0 intact, 4 tampering found, 1 could not read it.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the audit log's hash chain and signed checkpoints; name the first bad record.")
public final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOption config;

    @Option(names = "--file", paramLabel = "EXPORT", description = "Verify an export (`keyhole audit export`) instead of the log.")
    Path file;

    @Option(names = "--public-key", paramLabel = "PEM", description = "Trust checkpoints signed by this key; repeatable "
            + "(default: this installation's key).")
    List<Path> publicKeys = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        KeyholeConfig cfg = config.load();
        Map<String, PublicKey> trusted = TrustedKeys.of(publicKeys, cfg);
        long t0 = System.nanoTime();
        VerifyReport r;
        String what;
        if (file != null) {
            try (BufferedReader in = Files.newBufferedReader(file)) {
                r = AuditExport.verify(AuditExport.read(in), trusted);
            }
            what = file.toString();
        } else {
            try (AuditStore store = cfg.audit().openStore()) {
                r = AuditVerifier.verify(store, trusted);
                what = store.description();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!r.ok()) {
            out.println("TAMPERED: " + what + ": first bad record " + r.firstBad() + ": " + r.problem());
            out.flush();
            return ExitCode.TAMPERED;
        }
        out.printf("ok: %s: %,d records, %,d checkpoints; signed up to record %,d (%,d newer, chained but not yet "
                + "signed); %.2f s%n", what, r.records(), r.checkpoints(), r.lastSigned(), r.unsigned(), seconds);
        out.flush();
        return ExitCode.OK;
    }
}
