package dev.keyhole.gateway.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.runbook.model.Runbook;

/** Decides whether a caller may run a runbook now. Default deny: it returns a reason or throws a {@link Refusal}. */
public interface Authorizer {

    /** Why {@code caller} may run {@code rb} now; throws {@link Refusal} when they may not. */
    Authorization authorize(Caller caller, Runbook rb);

    /** Bindings alone: runners may run runbooks that need no approval; nobody else may run anything. */
    Authorizer BINDINGS_ONLY = (caller, rb) -> {
        String via = Bindings.reason(rb, caller);
        if (via == null) {
            throw AccessCheck.notAllowed(rb, caller);
        }
        if (rb.access().approvals() > 0) {
            throw new Refusal(Refusal.Kind.APPROVAL_REQUIRED, "runbook `" + rb.name() + "` needs " + rb.access().approvals()
                    + " approval(s) from " + String.join(", ", rb.access().approvers()) + " before it can run");
        }
        return new Authorization("runner via " + via, null, null, null);
    };
}
