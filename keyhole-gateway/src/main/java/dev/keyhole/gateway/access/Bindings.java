package dev.keyhole.gateway.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.runbook.model.Runbook;

/** A runbook's {@code access.runners}: default deny, a caller runs it only when named directly or through a group. */
public final class Bindings {

    private Bindings() {}

    /** How {@code rb} names {@code caller} ({@code user:alice}, {@code group:oncall}), or {@code null} when it does not. */
    public static String reason(Runbook rb, Caller caller) {
        if (rb.access().runners().contains(caller.asRunner())) {
            return caller.asRunner();
        }
        // Sorted, so the reason shown is the same every time.
        return caller.groups().stream().sorted().map(g -> "group:" + g)
                .filter(rb.access().runners()::contains).findFirst().orElse(null);
    }
}
