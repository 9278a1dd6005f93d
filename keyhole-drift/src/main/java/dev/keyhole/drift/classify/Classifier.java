package dev.keyhole.drift.classify;

import dev.keyhole.drift.trail.TrailEvent;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.runbook.model.Runbook;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one DynamoDB event is. Prepared once from the runbooks and the audit log; thread-safe.
 *
 * <p>A call by a session of a keyhole execution role ({@code assumed-role/ROLE/SESSION} where ROLE is
 * some runbook's {@code target.role}) is keyhole's: its session name is a correlation id, and the
 * audit record of that id must exist, must cover the call (its runbook and query, the signing key,
 * the source identity) and must have been alive ({@code started} to {@code started + sessionTtl}, give
 * or take the clock skew). Any other principal's call is either runbook work done with standing access
 * (some runbook query family covers every check) or out of pattern.
 */
public final class Classifier {

    /** Expiry used when the audit record names a runbook that is no longer in the directory. */
    static final Duration UNKNOWN_TTL = Duration.ofHours(1);

    private final QueryFamilies families;
    private final SessionLookup sessions;
    private final Duration skew;
    private final Set<String> keyholeRoles = new HashSet<>();
    private final Set<String> regions = new HashSet<>();

    /**
     * @param families the runbooks' query families
     * @param sessions the audit log's executions
     * @param skew how far CloudTrail's and keyhole's clocks may disagree
     */
    public Classifier(QueryFamilies families, SessionLookup sessions, Duration skew) {
        this.families = families;
        this.sessions = sessions;
        this.skew = skew;
        for (QueryFamily f : families.all()) {
            keyholeRoles.add(f.role());
            regions.add(f.resource().split(":", 5)[3]);
        }
    }

    /** The verdict for {@code e}, whose IAM checks are {@code checks}. */
    public Verdict classify(TrailEvent e, List<IamCheck> checks) {
        TrailEvent.Identity id = e.identity();
        boolean keyhole = "AssumedRole".equals(id.type()) && keyholeRoles.contains(id.principalArn());
        Verdict base = keyhole ? keyholeCall(e, checks) : standingCall(checks);
        if (base.kind() == Kind.EXPECTED) {
            return base;
        }
        Set<Kind> callouts = EnumSet.noneOf(Kind.class);
        if ("Scan".equals(e.name())) {
            callouts.add(Kind.SCAN);
        }
        if (e.region() != null && !regions.contains(e.region())) {
            callouts.add(Kind.OTHER_REGION);
        }
        return new Verdict(base.kind(), base.reason(), callouts);
    }

    private Verdict keyholeCall(TrailEvent e, List<IamCheck> checks) {
        String name = e.identity().sessionName();
        Optional<KeyholeSession> found = sessions.find(name);
        if (found.isEmpty()) {
            return verdict(Kind.KEYHOLE_UNAUDITED, "session `" + name + "` of keyhole role `" + e.identity().principalArn()
                    + "` has no audit record");
        }
        KeyholeSession s = found.get();
        Optional<Runbook> rb = families.runbook(s.runbook());
        Duration ttl = rb.map(r -> r.access().sessionTtl()).orElse(UNKNOWN_TTL);
        Instant expires = s.started().plus(ttl);
        if (e.time().isBefore(s.started().minus(skew)) || e.time().isAfter(expires.plus(skew))) {
            return verdict(Kind.KEYHOLE_AFTER_EXPIRY, "call at " + e.time() + " but run `" + name + "` lived from "
                    + s.started() + " to " + expires);
        }
        if (s.accessKeyId() != null && e.identity().accessKeyId() != null
                && !s.accessKeyId().equals(e.identity().accessKeyId())) {
            return verdict(Kind.KEYHOLE_OUTSIDE_RECORD, "signed with access key `" + e.identity().accessKeyId()
                    + "` but run `" + name + "` was given `" + s.accessKeyId() + "`: another session took its name");
        }
        if (s.principal() != null && e.identity().sourceIdentity() != null
                && !s.principal().equals(e.identity().sourceIdentity())) {
            return verdict(Kind.KEYHOLE_OUTSIDE_RECORD, "source identity `" + e.identity().sourceIdentity()
                    + "` but run `" + name + "` was `" + s.principal() + "`'s");
        }
        if (rb.isEmpty()) {
            return verdict(Kind.KEYHOLE_OUTSIDE_RECORD, "run `" + name + "` names runbook `" + s.runbook()
                    + "`, which is not in the runbook directory");
        }
        for (IamCheck c : checks) {
            if (!covered(c, s)) {
                return verdict(Kind.KEYHOLE_OUTSIDE_RECORD, "`" + c.action() + "` on `" + c.resource()
                        + "` is not what run `" + name + "` (runbook `" + s.runbook()
                        + (s.query() == null ? "" : "`, query `" + s.query()) + "`) does");
            }
        }
        return verdict(Kind.EXPECTED, "run `" + name + "` of `" + s.runbook() + "` by `" + s.principal() + "`");
    }

    /** Whether the run's own runbook query (any of its queries when the record names none) explains {@code c}. */
    private boolean covered(IamCheck c, KeyholeSession s) {
        for (QueryFamily f : families.on(c.resource())) {
            if (f.runbook().equals(s.runbook()) && (s.query() == null || f.query().equals(s.query())) && f.explains(c)) {
                return true;
            }
        }
        return false;
    }

    private Verdict standingCall(List<IamCheck> checks) {
        Optional<QueryFamily> f = families.explaining(checks);
        if (f.isPresent()) {
            return verdict(Kind.STANDING_RUNBOOK_WORK, "runbook query `" + f.get().label() + "` covers it");
        }
        IamCheck first = checks.stream().filter(c -> families.explaining(c) == null).findFirst().orElse(checks.get(0));
        return verdict(Kind.OUT_OF_PATTERN, "no runbook query covers `" + first.action() + "` on `" + first.resource() + "`");
    }

    private static Verdict verdict(Kind kind, String reason) {
        return new Verdict(kind, reason, Set.of());
    }
}
