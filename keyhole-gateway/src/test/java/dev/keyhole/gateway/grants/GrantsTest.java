package dev.keyhole.gateway.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.ManualClock;
import dev.keyhole.gateway.access.Authorization;
import dev.keyhole.gateway.access.GrantAuthorizer;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditQuery;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.audit.StoredRecord;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approvals and exceptions decided at the moment of use, with every step in the audit log. */
class GrantsTest {

    private static final String RUNBOOK = """
            name: refunds
            description: Refunds of one order.
            owner: team-payments
            target: {account: "000000000000", region: us-east-1, table: Payments,
                     role: arn:aws:iam::000000000000:role/keyhole-exec, keys: {partition: orderId}}
            parameters:
              orderId: {type: string, pattern: "^O-[0-9]+$", required: true}
            queries:
              byOrder: {keyCondition: orderId = :orderId, projection: [orderId, amount]}
            access:
              runners: [group:payments]
              ticket: {required: true, pattern: "^INC-[0-9]+$"}
              approval: {required: 2, from: [leads]}
            """;

    private static final Caller ALICE = new Caller("alice", Set.of("payments"));
    private static final Caller LEAD_BOB = new Caller("bob", Set.of("leads"));
    private static final Caller LEAD_CAROL = new Caller("carol", Set.of("leads"));
    private static final Caller SECURITY_DAN = new Caller("dan", Set.of("security"));
    private static final Caller MALLORY = new Caller("mallory", Set.of("support"));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final List<String> notified = new ArrayList<>();
    private Runbook rb;
    private AuditLog audit;
    private Grants grants;
    private GrantAuthorizer authorizer;

    @BeforeEach
    void open(@TempDir Path dir) {
        rb = RunbookLoader.load("refunds.yaml", RUNBOOK).runbooks().get(0);
        Database db = Database.sqlite(dir.resolve("keyhole.db"));
        audit = new AuditLog(AuditStore.owning(db), new CheckpointPolicy(CheckpointSigner.generate(), 100,
                Duration.ofHours(1)), clock);
        grants = new Grants(db, GrantRules.defaults(), audit, (event, g) -> notified.add(event + " " + g.id()), clock);
        authorizer = new GrantAuthorizer(grants);
    }

    private Database closeLater;

    @AfterEach
    void close() {
        audit.close();
        if (closeLater != null) {
            closeLater.close();
        }
    }

    private Refusal.Kind refusal(Caller who) {
        try {
            authorizer.authorize(who, rb);
            return null;
        } catch (Refusal r) {
            return r.kind();
        }
    }

    private Grant approvedForAlice() {
        Grant g = grants.requestApproval(ALICE, rb, "INC-1", "customer refund dispute");
        grants.approve(g.id(), LEAD_BOB);
        return grants.approve(g.id(), LEAD_CAROL);
    }

    @Test
    void aRunbookThatDemandsApprovalsIsRefusedUntilItHasThem() {
        assertThat(refusal(ALICE)).isEqualTo(Refusal.Kind.APPROVAL_REQUIRED);
        Grant g = grants.requestApproval(ALICE, rb, "INC-1", "customer refund dispute");
        assertThat(g.state()).isEqualTo(Grant.State.PENDING);
        assertThatThrownBy(() -> authorizer.authorize(ALICE, rb)).hasMessageContaining("has 0 of 2 approvals");
    }

    @Test
    void selfApprovalIsRefused() {
        Caller aliceTheLead = new Caller("alice", Set.of("payments", "leads"));
        Grant g = grants.requestApproval(aliceTheLead, rb, "INC-1", "refund");
        assertThatThrownBy(() -> grants.approve(g.id(), aliceTheLead)).isInstanceOf(GrantException.class)
                .hasMessageContaining("`alice` asked for " + g.id() + " and cannot approve it");
        assertThat(grants.find(g.id()).orElseThrow().approvals()).isEmpty();
    }

    @Test
    void theSecondDistinctApproverUnlocksAndNobodyCountsTwice() {
        Grant g = grants.requestApproval(ALICE, rb, "INC-1", "refund");
        assertThatThrownBy(() -> grants.approve(g.id(), MALLORY)).hasMessageContaining("approvers are members of leads");
        assertThat(grants.approve(g.id(), LEAD_BOB).state()).isEqualTo(Grant.State.PENDING);
        assertThatThrownBy(() -> grants.approve(g.id(), LEAD_BOB)).hasMessageContaining("already approved");
        assertThat(refusal(ALICE)).isEqualTo(Refusal.Kind.APPROVAL_REQUIRED);
        Grant active = grants.approve(g.id(), LEAD_CAROL);
        assertThat(active.state()).isEqualTo(Grant.State.ACTIVE);
        assertThat(active.expires()).isEqualTo(clock.instant().plus(GrantRules.defaults().approvalWindow()));
        Authorization why = authorizer.authorize(ALICE, rb);
        assertThat(why.reason()).isEqualTo("runner via group:payments; approval " + g.id() + " by bob, carol until "
                + active.expires());
        assertThat(why.until()).isEqualTo(active.expires());
        assertThat(why.ticket()).isEqualTo("INC-1");
    }

    @Test
    void anApprovedRequestCanBeUsedWithinItsWindowAndThenExpires() {
        Grant g = approvedForAlice();
        clock.set(g.expires().minusMillis(1));
        assertThat(refusal(ALICE)).isNull();
        clock.set(g.expires());
        assertThat(refusal(ALICE)).isEqualTo(Refusal.Kind.GRANT_EXPIRED);
        assertThat(grants.sweep()).extracting(Grant::id).containsExactly(g.id());
        assertThat(grants.find(g.id()).orElseThrow().state()).isEqualTo(Grant.State.EXPIRED);
        assertThat(grants.sweep()).isEmpty();
    }

    @Test
    void aDeniedRequestCannotBeApprovedAfterwards() {
        Grant g = grants.requestApproval(ALICE, rb, "INC-1", "refund");
        assertThat(grants.deny(g.id(), LEAD_BOB, "use the refunds tool").state()).isEqualTo(Grant.State.DENIED);
        assertThatThrownBy(() -> grants.approve(g.id(), LEAD_CAROL)).hasMessageContaining("it is denied");
        assertThat(refusal(ALICE)).isEqualTo(Refusal.Kind.APPROVAL_REQUIRED);
    }

    @Test
    void anExceptionLetsSomeoneRunWhatTheyOtherwiseCouldNotUntilTheSecondItExpires() {
        assertThat(refusal(MALLORY)).isEqualTo(Refusal.Kind.NOT_ALLOWED);
        Grant g = grants.requestException(MALLORY, rb, "INC-9", "payments on-call is out", Duration.ofMinutes(30));
        assertThat(refusal(MALLORY)).isEqualTo(Refusal.Kind.NOT_ALLOWED);
        Grant active = grants.approve(g.id(), SECURITY_DAN);
        assertThat(active.expires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        Authorization why = authorizer.authorize(MALLORY, rb);
        assertThat(why.reason()).isEqualTo("exception " + g.id() + " until " + active.expires()
                + ", approved by dan for ticket INC-9");
        clock.set(active.expires().minusMillis(1));
        assertThat(refusal(MALLORY)).isNull();
        clock.set(active.expires());
        assertThat(refusal(MALLORY)).isEqualTo(Refusal.Kind.NOT_ALLOWED);
    }

    @Test
    void aRevokedExceptionStopsWorkingAtOnce() {
        Grant g = grants.approve(grants.requestException(MALLORY, rb, "INC-9", "incident", Duration.ofHours(1)).id(),
                SECURITY_DAN);
        assertThat(refusal(MALLORY)).isNull();
        assertThatThrownBy(() -> grants.revoke(g.id(), ALICE, "no")).hasMessageContaining("may not revoke");
        grants.revoke(g.id(), SECURITY_DAN, "incident closed");
        assertThat(refusal(MALLORY)).isEqualTo(Refusal.Kind.NOT_ALLOWED);
    }

    @Test
    void anExceptionLongerThanTheMaximumOrWithoutATicketIsRefused() {
        assertThatThrownBy(() -> grants.requestException(MALLORY, rb, "INC-9", "x", Duration.ofHours(5)))
                .hasMessageContaining("at most 4h");
        assertThatThrownBy(() -> grants.requestException(MALLORY, rb, null, "x", Duration.ofHours(1)))
                .hasMessageContaining("needs a ticket");
        assertThat(grants.list(null, null)).isEmpty();
    }

    @Test
    void selfServiceExceptionsActivateAtOnceAndAreFlaggedForReview(@TempDir Path dir) {
        Database db = Database.sqlite(dir.resolve("self.db"));
        closeLater = db;
        GrantRules self = new GrantRules(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(2), 1, Set.of(), true);
        Grants selfService = new Grants(db, self, audit, Notifier.NONE, clock);
        Grant g = selfService.requestException(MALLORY, rb, "INC-3", "sev1, nobody awake", Duration.ofHours(2));
        assertThat(g.state()).isEqualTo(Grant.State.ACTIVE);
        assertThat(g.selfService()).isTrue();
        assertThat(new GrantAuthorizer(selfService).authorize(MALLORY, rb).reason()).contains("approved by self-service");
    }

    @Test
    void someoneRemovedFromTheRunnersGroupLosesAccessAtOnce() {
        approvedForAlice();
        assertThat(refusal(ALICE)).isNull();
        assertThat(refusal(new Caller("alice", Set.of()))).isEqualTo(Refusal.Kind.NOT_ALLOWED);
    }

    @Test
    void everyStepIsInTheAuditLogAndAnnounced() throws Exception {
        Grant g = approvedForAlice();
        clock.set(g.expires());
        grants.sweep();
        List<StoredRecord> recs = audit.store().search(new AuditQuery(g.id(), null, null, null, null, null, null, 100));
        assertThat(recs).extracting(r -> r.event().type()).containsOnly(AuditEvent.Type.GRANT);
        assertThat(recs).extracting(r -> r.event().principal() + " " + r.event().get("action") + " "
                + r.event().get(AuditEvent.Field.OUTCOME)).containsExactly("alice requested pending",
                "bob approved pending", "carol approved active", "carol activated active", "keyhole expired expired");
        assertThat(notified).containsExactly("requested " + g.id(), "approved " + g.id(), "approved " + g.id(),
                "activated " + g.id(), "expired " + g.id());
    }
}
