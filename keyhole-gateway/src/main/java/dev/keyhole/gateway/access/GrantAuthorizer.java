package dev.keyhole.gateway.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.runbook.model.Runbook;
import java.util.Optional;

/**
 * Bindings, approvals and exceptions, decided now: an active exception lets its holder run the runbook;
 * otherwise the caller must be a runner, and a runbook that demands approvals needs an active approval.
 * Group membership is the caller's as of this request, so someone removed from a group loses access at once.
 */
public final class GrantAuthorizer implements Authorizer {

    private final Grants grants;

    public GrantAuthorizer(Grants grants) {
        this.grants = grants;
    }

    @Override
    public Authorization authorize(Caller caller, Runbook rb) {
        Optional<Grant> exception = grants.active(caller.name(), rb.name(), Grant.Kind.EXCEPTION);
        if (exception.isPresent()) {
            Grant g = exception.get();
            return new Authorization("exception " + g.id() + " until " + g.expires() + ", approved by " + g.approvers()
                    + " for ticket " + g.ticket(), g.expires(), g.id(), g.ticket());
        }
        String via = Bindings.reason(rb, caller);
        if (via == null) {
            throw AccessCheck.notAllowed(rb, caller);
        }
        if (rb.access().approvals() == 0) {
            return new Authorization("runner via " + via, null, null, null);
        }
        Optional<Grant> approval = grants.active(caller.name(), rb.name(), Grant.Kind.APPROVAL);
        if (approval.isPresent()) {
            Grant g = approval.get();
            return new Authorization("runner via " + via + "; approval " + g.id() + " by " + g.approvers() + " until "
                    + g.expires(), g.expires(), g.id(), g.ticket());
        }
        String how = "request one with `keyhole grants request " + rb.name() + " --ticket ID --reason TEXT`";
        Optional<Grant> last = grants.latest(caller.name(), rb.name(), Grant.Kind.APPROVAL);
        if (last.isPresent()) {
            Grant g = last.get();
            Grant.State s = grants.stateNow(g);
            if (s == Grant.State.PENDING) {
                throw new Refusal(Refusal.Kind.APPROVAL_REQUIRED, "request " + g.id() + " for runbook `" + rb.name()
                        + "` has " + g.approvals().size() + " of " + g.required() + " approvals; approvers are members of "
                        + String.join(", ", g.approverGroups()));
            }
            if (s == Grant.State.EXPIRED && g.expires() != null) {
                throw new Refusal(Refusal.Kind.GRANT_EXPIRED, "approval " + g.id() + " for runbook `" + rb.name()
                        + "` expired at " + g.expires() + "; " + how);
            }
        }
        throw new Refusal(Refusal.Kind.APPROVAL_REQUIRED, "runbook `" + rb.name() + "` needs " + rb.access().approvals()
                + " approval(s) from " + String.join(", ", rb.access().approvers()) + "; " + how);
    }
}
