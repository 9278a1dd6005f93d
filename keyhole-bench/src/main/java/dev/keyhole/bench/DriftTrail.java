package dev.keyhole.bench;

import dev.keyhole.drift.generate.Scenario;
import dev.keyhole.drift.generate.SyntheticTrail;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the drift benchmark's input: {@code DIR/trail}, at least GB gigabytes (10^9 bytes) of
 * uncompressed CloudTrail JSON as gzipped files in S3 delivery layout, and {@code DIR/runbooks}, the
 * runbooks it is set against, and {@code DIR/audit.db}, the audit log of its keyhole runs. Usage: {@code DriftTrail DIR [GB]} (default 1). Used by
 * {@code keyhole-bench/drift-vs-zcat-jq.sh}.
 */
public final class DriftTrail {

    private DriftTrail() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DriftTrail DIR [GB]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        double gb = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Scenario.writeRunbooks(dir.resolve("runbooks"));
        long start = System.nanoTime();
        SyntheticTrail.Written w = SyntheticTrail.generate(dir.resolve("trail"), (long) (gb * 1e9),
                Runtime.getRuntime().availableProcessors(), 42);
        System.out.printf("generated %d files, %,d records, %,d bytes of JSON (%,d gzipped) in %.1f s%n", w.files(),
                w.records(), w.uncompressedBytes(), w.compressedBytes(), (System.nanoTime() - start) / 1e9);
        writeAudit(dir.resolve("audit.db"), w.files());
    }

    /** The audit log of the trail's keyhole runs: a started and a finished record for each. */
    private static void writeAudit(Path db, int files) throws Exception {
        CheckpointPolicy policy = new CheckpointPolicy(CheckpointSigner.generate(), 10_000, Duration.ofHours(1));
        try (AuditStore store = AuditStore.sqlite(db)) {
            for (int f = 0; f < files; f++) {
                List<AuditEvent> batch = new ArrayList<>();
                for (int r = 0; r < SyntheticTrail.RUNS_PER_FILE; r++) {
                    String id = SyntheticTrail.session(f, r);
                    batch.add(AuditEvent.of(AuditEvent.Type.STARTED, id, SyntheticTrail.started(f), SyntheticTrail.user(r))
                            .with(AuditEvent.Field.RUNBOOK, "orders-by-customer").with(AuditEvent.Field.QUERY, "recent")
                            .with(AuditEvent.Field.SESSION_NAME, id).build());
                    batch.add(AuditEvent.of(AuditEvent.Type.FINISHED, id, SyntheticTrail.started(f).plusSeconds(1),
                            SyntheticTrail.user(r)).with(AuditEvent.Field.OUTCOME, "ok")
                            .with(AuditEvent.Field.ACCESS_KEY_ID, SyntheticTrail.accessKey(f, r)).build());
                }
                store.append(batch, policy, Clock.systemUTC());
            }
        }
        System.out.printf("audit log %s: %d keyhole runs%n", db, files * SyntheticTrail.RUNS_PER_FILE);
    }
}
