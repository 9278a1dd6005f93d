package dev.keyhole.gateway.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.runbook.model.Runbook;

/**
 * A runbook's {@code access.runners}: default deny, a caller runs it only when named directly or through a group.
 * A person is named {@code user:NAME}; a machine — a caller whose name is an IAM principal ARN, as AWS IAM sign-in
 * makes it — is named {@code service:ARN}, and never {@code user:ARN}.
 */
public final class Bindings {

    private Bindings() {}

    /** How {@code rb} names {@code caller} ({@code user:alice}, {@code service:arn:...}, {@code group:oncall}), or {@code null}. */
    public static String reason(Runbook rb, Caller caller) {
        String direct = runner(caller);
        if (rb.access().runners().contains(direct)) {
            return direct;
        }
        // Sorted, so the reason shown is the same every time.
        return caller.groups().stream().sorted().map(g -> "group:" + g)
                .filter(rb.access().runners()::contains).findFirst().orElse(null);
    }

    /** How runbooks name {@code caller} directly: {@code service:ARN} for a machine, {@code user:NAME} for a person. */
    public static String runner(Caller caller) {
        return caller.name().startsWith("arn:") ? "service:" + caller.name() : caller.asRunner();
    }
}
