package dev.keyhole.gateway.audit;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway in a child process, for tests that need several processes or a crash: appends records to one
 * audit log from several threads and prints {@code ack <seq> <correlationId>} once each append has
 * returned, so every line the parent reads names a record that must be durable.
 *
 * <p>Arguments: the {@link StoreAddress} (three), the signing key file, a name, the number of threads,
 * records per thread (0: until killed), and optionally {@code leave-started}: then it also appends a
 * started record it never finishes and prints {@code started <correlationId>}. It prints {@code ready}
 * once the JVM is up and waits for a line on standard input before it opens the key and the log, so a
 * parent can start several at the same moment. Prints {@code done} after closing the log; any failure
 * ends the process with status 1.
 */
final class AppendWorker {

    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

    private AppendWorker() {}

    static List<String> args(StoreAddress where, Path keyFile, String name, int threads, int recordsPerThread,
                             boolean leaveStarted) {
        List<String> args = new ArrayList<>(where.args());
        args.addAll(List.of(keyFile.toString(), name, String.valueOf(threads), String.valueOf(recordsPerThread)));
        if (leaveStarted) {
            args.add("leave-started");
        }
        return args;
    }

    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        });
        StoreAddress where = StoreAddress.fromArgs(args, 0);
        String name = args[4];
        int threads = Integer.parseInt(args[5]);
        int perThread = Integer.parseInt(args[6]);
        boolean leaveStarted = args.length > 7 && args[7].equals("leave-started");
        say("ready");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine(); // the parent's go
        CheckpointSigner signer = CheckpointSigner.loadOrCreate(Path.of(args[3]));
        Clock clock = Clock.systemUTC();
        AuditLog log = new AuditLog(where.open(), AuditFixtures.policy(signer), clock);
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = name + "-" + t + "-";
            appenders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; perThread == 0 || i < perThread; i++) {
                    StoredRecord r = log.append(AuditFixtures.refused(prefix + i, clock.instant()));
                    say("ack " + r.seq() + " " + prefix + i);
                }
            }));
        }
        if (leaveStarted) {
            String id = new CorrelationIds(clock).next();
            log.append(AuditEvent.of(AuditEvent.Type.STARTED, id, clock.instant(), "alice")
                    .with(AuditEvent.Field.RUNBOOK, "orders-by-customer")
                    .with(AuditEvent.Field.INSTANCE, Instances.current())
                    .build());
            say("started " + id);
        }
        for (Thread t : appenders) {
            t.join();
        }
        log.close();
        say("done");
    }

    /** One write of the whole line: a pipe takes it at once, so a kill never leaves half a line. */
    private static synchronized void say(String line) {
        try {
            OUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
