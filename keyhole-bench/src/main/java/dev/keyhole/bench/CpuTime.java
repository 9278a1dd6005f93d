package dev.keyhole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of this process, whole and the JIT compiler threads' share (from {@code /proc/self/task}; Linux, 0
 * elsewhere). On a shared two-core machine the compilers are still at work long after a short warm-up, and their CPU would be
 * counted against whichever path was measured meanwhile; subtracting it leaves the work of the path itself.
 * Run with {@code -XX:-UseDynamicNumberOfCompilerThreads} so that no compiler thread exits (taking its time
 * with it) during a measurement.
 */
final class CpuTime {

    /** Linux reports thread times in clock ticks of 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {}

    /** CPU time the whole process has used so far, every thread. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time the JIT compiler threads have used so far. */

    static long compilers() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                        continue;
                    }
                    // After the name: state is field 3, utime field 14, stime field 15.
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException notLinux) {
            return 0;
        }
        return ticks * NANOS_PER_TICK;
    }
}
