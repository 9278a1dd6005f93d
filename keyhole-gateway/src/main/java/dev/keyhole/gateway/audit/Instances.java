package dev.keyhole.gateway.audit;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Names a gateway process in started records ({@code host/pid/start-millis}), so a started execution
 * with no finish can be told apart: still running in a live process, or interrupted by a crash.
 */
public final class Instances {

    /** How long a run on another host may go without a finish before it counts as interrupted. */
    public static final Duration REMOTE_GRACE = Duration.ofMinutes(15);
    private static final String CURRENT = compute();

    private Instances() {}

    /** This process. */
    public static String current() {
        return CURRENT;
    }

    private static String compute() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return host() + "/" + self.pid() + "/" + start;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /**
     * Whether a started execution with no finish, written by {@code instance} at {@code started}, may still
     * be running at {@code now}: its process is alive on this host, or it is on another host and younger
     * than {@link #REMOTE_GRACE}.
     */
    public static boolean mayStillRun(String instance, Instant started, Instant now) {
        if (instance == null) {
            return false;
        }
        String[] parts = instance.split("/");
        if (parts.length != 3) {
            return false;
        }
        if (!parts[0].equals(host())) {
            return Duration.between(started, now).compareTo(REMOTE_GRACE) < 0;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long start = Long.parseLong(parts[2]);
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            // A reused pid has another start time.
            return p.isPresent() && p.get().isAlive() && p.get().info().startInstant()
                    .map(i -> Math.abs(i.toEpochMilli() - start) < 1_000).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
