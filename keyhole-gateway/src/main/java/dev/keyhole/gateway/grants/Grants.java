package dev.keyhole.gateway.grants;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.Bindings;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.runbook.model.Runbook;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Requests, approvals, denials, revocations and expiry of grants. Decisions are taken at the moment they
 * matter with the injected clock: a grant past its expiry is expired even if nothing marked it so yet.
 * Every change is recorded in the audit log and announced through the {@link Notifier}.
 */
public final class Grants {

    private static final char[] ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final GrantStore store;
    private final GrantRules rules;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Grants(Database db, GrantRules rules, AuditLog audit, Notifier notifier, Clock clock) {
        this.store = new GrantStore(db);
        this.rules = rules;
        this.audit = audit;
        this.notifier = notifier;
        this.clock = clock;
    }

    public GrantRules rules() {
        return rules;
    }

    /** Asks for the approvals runbook {@code rb} demands before {@code requester} (one of its runners) may run it. */
    public Grant requestApproval(Caller requester, Runbook rb, String ticket, String reason) {
        if (rb.access().approvals() == 0) {
            throw new GrantException("runbook `" + rb.name() + "` needs no approval; run it with `keyhole run "
                    + rb.name() + "`");
        }
        if (Bindings.reason(rb, requester) == null) {
            throw new GrantException("`" + requester.name() + "` is not a runner of runbook `" + rb.name()
                    + "`; ask for an exception instead: `keyhole grants request " + rb.name() + " --exception ...`");
        }
        requireTicket(rb, ticket);
        return create(Grant.Kind.APPROVAL, requester, rb, ticket, reason, rules.approvalWindow(), rb.access().approvals(),
                new LinkedHashSet<>(rb.access().approvers()), false);
    }

    /** Asks for an exception: {@code requester} may run {@code rb} for {@code duration} once approved. */
    public Grant requestException(Caller requester, Runbook rb, String ticket, String reason, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(rules.exceptionMax()) > 0) {
            throw new GrantException("an exception lasts more than nothing and at most " + rules.exceptionMax()
                    .toString().substring(2).toLowerCase() + "; asked for " + duration.toString().substring(2).toLowerCase());
        }
        if (ticket == null || ticket.isBlank()) {
            throw new GrantException("an exception needs a ticket: pass `--ticket ID`");
        }
        return create(Grant.Kind.EXCEPTION, requester, rb, ticket, reason, duration,
                rules.selfService() ? 0 : rules.exceptionApprovals(), rules.exceptionApprovers(), rules.selfService());
    }

    private static void requireTicket(Runbook rb, String ticket) {
        if (rb.access().ticketRequired() && (ticket == null || ticket.isBlank())) {
            throw new GrantException("runbook `" + rb.name() + "` needs a ticket: pass `--ticket ID`");
        }
    }

    private Grant create(Grant.Kind kind, Caller requester, Runbook rb, String ticket, String reason, Duration duration,
                         int required, Set<String> approverGroups, boolean selfService) {
        if (reason == null || reason.isBlank()) {
            throw new GrantException("say why: pass `--reason TEXT`");
        }
        Instant now = clock.instant();
        boolean active = required == 0;
        Grant g = new Grant(newId(), kind, requester.name(), rb.name(), ticket, reason.strip(), now, duration, required,
                approverGroups, List.of(), active ? Grant.State.ACTIVE : Grant.State.PENDING, selfService,
                active ? now : null, active ? now.plus(duration) : null, null, null, null);
        run(() -> store.insert(g));
        record(requester.name(), "requested", g);
        notifier.notify("requested", g);
        if (active) {
            record(requester.name(), "activated", g);
            notifier.notify("activated", g);
        }
        return g;
    }

    /** {@code approver} approves; the last approval needed makes the grant active from now. */
    public Grant approve(String id, Caller approver) {
        Instant now = clock.instant();
        Grant after = update(id, g -> {
            requireState(g, now, Grant.State.PENDING, "approve");
            if (g.requester().equals(approver.name())) {
                throw new GrantException("`" + approver.name() + "` asked for " + id + " and cannot approve it; "
                        + "someone in " + String.join(", ", g.approverGroups()) + " must");
            }
            requireApprover(g, approver, "approve");
            if (g.approvals().stream().anyMatch(a -> a.approver().equals(approver.name()))) {
                throw new GrantException("`" + approver.name() + "` already approved " + id + "; it needs "
                        + (g.required() - g.approvals().size()) + " more from someone else");
            }
            List<Grant.Approval> approvals = new ArrayList<>(g.approvals());
            approvals.add(new Grant.Approval(approver.name(), now));
            boolean done = approvals.size() >= g.required();
            return new Grant(g.id(), g.kind(), g.requester(), g.runbook(), g.ticket(), g.reason(), g.requested(),
                    g.duration(), g.required(), g.approverGroups(), approvals,
                    done ? Grant.State.ACTIVE : Grant.State.PENDING, false, done ? now : null,
                    done ? now.plus(g.duration()) : null, null, null, null);
        });
        record(approver.name(), "approved", after);
        notifier.notify("approved", after);
        if (after.state() == Grant.State.ACTIVE) {
            record(approver.name(), "activated", after);
            notifier.notify("activated", after);
        }
        return after;
    }

    /** {@code approver} denies a pending request. */
    public Grant deny(String id, Caller approver, String reason) {
        Instant now = clock.instant();
        Grant after = update(id, g -> {
            requireState(g, now, Grant.State.PENDING, "deny");
            requireApprover(g, approver, "deny");
            return ended(g, Grant.State.DENIED, now, approver.name(), reason);
        });
        record(approver.name(), "denied", after);
        notifier.notify("denied", after);
        return after;
    }

    /** Ends a pending or active grant now: its requester withdraws it, or an approver takes it back. */
    public Grant revoke(String id, Caller who, String reason) {
        Instant now = clock.instant();
        Grant after = update(id, g -> {
            Grant.State s = g.stateAt(now, rules.pendingTtl());
            if (s != Grant.State.PENDING && s != Grant.State.ACTIVE) {
                throw new GrantException(id + " is already " + s.word());
            }
            if (!g.requester().equals(who.name())) {
                requireApprover(g, who, "revoke");
            }
            return ended(g, Grant.State.REVOKED, now, who.name(), reason);
        });
        record(who.name(), "revoked", after);
        notifier.notify("revoked", after);
        return after;
    }

    /**
     * Marks grants that lapsed as expired, records and announces each; returns them. Decisions never wait
     * for this: it keeps the stored state, the audit log and people up to date.
     */
    public List<Grant> sweep() {
        Instant now = clock.instant();
        List<Grant> expired = new ArrayList<>();
        for (Grant g : list(null, null)) {
            if (g.state() != Grant.State.EXPIRED && g.stateAt(now, rules.pendingTtl()) == Grant.State.EXPIRED) {
                Instant when = g.state() == Grant.State.ACTIVE ? g.expires() : g.requested().plus(rules.pendingTtl());
                Grant after = update(g.id(), cur -> cur.state() == Grant.State.EXPIRED ? cur
                        : ended(cur, Grant.State.EXPIRED, when, null, null));
                record("keyhole", "expired", after);
                notifier.notify("expired", after);
                expired.add(after);
            }
        }
        return expired;
    }

    /** The active grant of {@code kind} letting {@code requester} run {@code runbook} now, if any. */
    public Optional<Grant> active(String requester, String runbook, Grant.Kind kind) {
        Instant now = clock.instant();
        return list(requester, runbook).stream()
                .filter(g -> g.kind() == kind && g.stateAt(now, rules.pendingTtl()) == Grant.State.ACTIVE)
                .max(java.util.Comparator.comparing(Grant::expires));
    }

    /** The newest grant of {@code kind} for {@code requester} and {@code runbook}, in any state. */
    public Optional<Grant> latest(String requester, String runbook, Grant.Kind kind) {
        return list(requester, runbook).stream().filter(g -> g.kind() == kind).findFirst();
    }

    public Optional<Grant> find(String id) {
        try {
            return store.find(id);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Grants of {@code requester} (null: everyone) for {@code runbook} (null: all), newest first. */
    public List<Grant> list(String requester, String runbook) {
        try {
            return store.list(requester, runbook);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The state of {@code g} now. */
    public Grant.State stateNow(Grant g) {
        return g.stateAt(clock.instant(), rules.pendingTtl());
    }

    private void requireState(Grant g, Instant now, Grant.State wanted, String verb) {
        Grant.State s = g.stateAt(now, rules.pendingTtl());
        if (s != wanted) {
            throw new GrantException("cannot " + verb + " " + g.id() + ": it is " + s.word());
        }
    }

    private static void requireApprover(Grant g, Caller who, String verb) {
        if (who.groups().stream().noneMatch(g.approverGroups()::contains)) {
            throw new GrantException("`" + who.name() + "` may not " + verb + " " + g.id() + "; approvers are members of "
                    + String.join(", ", g.approverGroups()));
        }
    }

    private static Grant ended(Grant g, Grant.State state, Instant when, String by, String reason) {
        return new Grant(g.id(), g.kind(), g.requester(), g.runbook(), g.ticket(), g.reason(), g.requested(), g.duration(),
                g.required(), g.approverGroups(), g.approvals(), state, g.selfService(), g.activeSince(), g.expires(),
                when, by, reason);
    }

    private Grant update(String id, GrantStore.Change change) {
        try {
            return store.update(id, change);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void run(SqlAction a) {
        try {
            a.run();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static dev.keyhole.gateway.store.StoreException unavailable(SQLException e) {
        return new dev.keyhole.gateway.store.StoreException("grants are unavailable: " + e.getMessage(), e);
    }

    private void record(String actor, String action, Grant g) {
        audit.append(AuditEvent.of(AuditEvent.Type.GRANT, g.id(), clock.instant(), actor)
                .with("action", action).with("kind", g.kind().word()).with("requester", g.requester())
                .with(AuditEvent.Field.RUNBOOK, g.runbook()).with(AuditEvent.Field.TICKET, g.ticket())
                .with(AuditEvent.Field.REASON, g.endReason() != null ? g.endReason() : g.reason())
                .with(AuditEvent.Field.OUTCOME, g.state().word())
                .with("approvals", g.approvals().size() + "/" + g.required())
                .with("expires", g.expires() == null ? null : g.expires().toString())
                .with("selfService", g.selfService() ? Boolean.TRUE : null).build());
    }

    private String newId() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return "g-" + new String(c);
    }
}
