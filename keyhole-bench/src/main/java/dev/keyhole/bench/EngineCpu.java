package dev.keyhole.bench;

import java.time.Duration;

/**
 * The CPU time (user + system) an engine process under load has used so far, read from the operating
 * system through {@link ProcessHandle}; on Linux its resolution is one clock tick (10 ms), plenty over a
 * measurement of seconds. Without a process id, or where the system does not say, it reports nothing.
 */
final class EngineCpu {

    private final ProcessHandle process;

    private EngineCpu(ProcessHandle process) {
        this.process = process;
    }

    /** The engine with process id {@code pid}, or an engine whose CPU is unknown when {@code pid} is null. */
    static EngineCpu of(String pid) {
        return new EngineCpu(pid == null ? null : ProcessHandle.of(Long.parseLong(pid)).orElseThrow(
                () -> new IllegalArgumentException("no process `" + pid + "`; pass the engine's process id to --pid")));
    }

    /** This process: the load driver's own CPU per request shows what the engine's share of the machine can be. */
    static EngineCpu self() {
        return new EngineCpu(ProcessHandle.current());
    }

    /** CPU nanoseconds used so far, or -1 when unknown. */
    long nanos() {
        if (process == null) {
            return -1;
        }
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** {@code " NAME=12.3 µs/req"} for the CPU used since {@code before} over {@code requests}, or "" when unknown. */
    String perRequest(String name, long before, long requests) {
        long after = nanos();
        if (before < 0 || after < 0 || requests == 0) {
            return "";
        }
        return String.format(" %s=%6.1f µs/req", name, (after - before) / 1e3 / requests);
    }
}
