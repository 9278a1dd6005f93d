package dev.keyhole.cli.serve;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Stops servers started in this JVM (tests start {@code keyhole serve} on a thread). */
public final class ServeHandle {

    static final List<CountDownLatch> RUNNING = new CopyOnWriteArrayList<>();

    private ServeHandle() {}

    public static void stopAll() {
        RUNNING.forEach(CountDownLatch::countDown);
    }
}
