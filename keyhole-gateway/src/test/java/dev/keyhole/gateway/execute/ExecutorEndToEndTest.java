package dev.keyhole.gateway.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.GrantAuthorizer;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.GrantRules;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.gateway.grants.Notifier;
import dev.keyhole.gateway.store.Database;
import dev.keyhole.gateway.ticket.TicketCheckException;
import dev.keyhole.gateway.ticket.TicketGate;
import dev.keyhole.gateway.ticket.TicketProvider;
import dev.keyhole.gateway.ticket.TicketProviders;
import dev.keyhole.gateway.ticket.TicketVerdict;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.credentials.CredentialsBroker;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.credentials.SessionCredentials;
import dev.keyhole.gateway.credentials.StsCredentialsBroker;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Runbooks end to end against the local engine over real HTTP with IAM enforced: the executor mints
 * credentials with STS, runs the planned query with the SDK, pages with sealed cursors; the minted
 * credentials, used directly, can do exactly the runbook's query and nothing else.
 */
class ExecutorEndToEndTest {

    private static final String RUNBOOK = OrdersWorld.RUNBOOK;

    static final class MovableClock extends Clock {
        final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    private static final MovableClock CLOCK = new MovableClock();
    private static final Caller ALICE = new Caller("alice", Set.of("oncall"));
    private static LocalServer server;
    private static Executor executor;
    private static AuditLog audit;
    private static Path auditDir;
    private static Runbook runbook;
    private static StsCredentialsBroker broker;
    private static DynamoDbClients clients;

    @BeforeAll
    static void start() throws Exception {
        server = OrdersWorld.engine(CLOCK);
        runbook = OrdersWorld.runbook(RUNBOOK);
        broker = new StsCredentialsBroker(OrdersWorld.sts(server.endpoint(), AwsCallLimits.DEFAULT), CLOCK,
                Duration.ofMinutes(2));
        clients = new DynamoDbClients(server.endpoint(), 3);
        auditDir = java.nio.file.Files.createTempDirectory("keyhole-audit");
        audit = new AuditLog(AuditStore.sqlite(auditDir.resolve("audit.db")),
                new CheckpointPolicy(CheckpointSigner.generate(), 100, Duration.ofMinutes(1)), CLOCK);
        executor = new Executor(broker, clients, new CursorSealer(CursorSealer.newKey(), CLOCK), new Masker(new byte[32]),
                CLOCK, audit);
    }

    @AfterAll
    static void stop() {
        audit.close();
        clients.close();
        broker.close();
        server.close();
    }

    private static DynamoDbClient client(software.amazon.awssdk.auth.credentials.AwsCredentials c, String region) {
        return OrdersWorld.client(server.endpoint(), c, region);
    }

    private static RunRequest request(Caller who, String customer, String ticket, String cursor) {
        return request(who, customer, ticket, cursor, "kh-test-" + customer);
    }

    private static RunRequest request(Caller who, String customer, String ticket, String cursor, String correlationId) {
        return new RunRequest(who, runbook, null, Map.of("customerId", customer), ticket, cursor, correlationId);
    }

    @Test
    void aRunReturnsExactlyTheExpectedItemsInOrderAcrossPagesUntilTheCap() {
        List<String> ids = new ArrayList<>();
        RunResult r = executor.run(request(ALICE, "C-1", "INC-1", null));
        r.items().forEach(i -> ids.add(i.get("orderId").s()));
        assertThat(r.items()).allSatisfy(i -> {
            assertThat(i).containsOnlyKeys("customerId", "orderId", "createdAt", "status", "total");
            assertThat(i.get("customerId").s()).isEqualTo("C-1");
            assertThat(i.get("total").s()).isEqualTo(Masker.REDACTED);
        });
        assertThat(r.cursor()).isNotNull();
        RunResult second = executor.run(request(ALICE, "C-1", "INC-1", r.cursor()));
        second.items().forEach(i -> ids.add(i.get("orderId").s()));
        RunResult third = executor.run(request(ALICE, "C-1", "INC-1", second.cursor()));
        third.items().forEach(i -> ids.add(i.get("orderId").s()));
        assertThat(ids).containsExactly("O-12", "O-11", "O-10", "O-09", "O-08", "O-07", "O-06", "O-05", "O-04", "O-03");
        assertThat(third.capReached()).isTrue();
        assertThat(third.cursor()).isNull();
    }

    @Test
    void aCursorIsBoundToItsParametersAndPrincipal() {
        RunResult r = executor.run(request(ALICE, "C-1", "INC-1", null));
        assertThatThrownBy(() -> executor.run(request(ALICE, "C-2", "INC-1", r.cursor())))
                .isInstanceOf(Refusal.class).satisfies(e -> assertThat(((Refusal) e).kind())
                        .isEqualTo(Refusal.Kind.CURSOR_REJECTED));
        assertThatThrownBy(() -> executor.run(request(new Caller("carol", Set.of("oncall")), "C-1", "INC-1", r.cursor())))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void refusalsComeBeforeAnyCredential() {
        assertThatThrownBy(() -> executor.run(request(ALICE, "C-1", null, null))).isInstanceOf(Refusal.class)
                .hasMessageContaining("needs a ticket");
        assertThatThrownBy(() -> executor.run(request(ALICE, "C-1", "JIRA-1", null))).isInstanceOf(Refusal.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> executor.run(request(new Caller("bob", Set.of("support")), "C-1", "INC-1", null)))
                .isInstanceOf(Refusal.class).hasMessageContaining("may not run");
        assertThatThrownBy(() -> executor.run(request(ALICE, "C-1) OR (x", "INC-1", null)))
                .isInstanceOf(Refusal.class).hasMessageContaining("does not match the pattern");
    }

    @Test
    void aRunbookWithoutAKeySchemaIsRefusedBecauseItsPartitionCouldNotBePinned() {
        Runbook noKeys = RunbookLoader.load("nokeys.yaml", RUNBOOK.replace(
                "  keys: {partition: customerId, sort: orderId, indexes: {byStatus: {partition: status, sort: createdAt}}}\n",
                "")).runbooks().get(0);
        assertThatThrownBy(() -> executor.run(new RunRequest(ALICE, noKeys, null, Map.of("customerId", "C-1"), "INC-1",
                null, "kh-nokeys"))).isInstanceOf(Refusal.class).hasMessageContaining("does not declare `target.keys`");
    }

    @Test
    void throttlingIsRetriedWithBackoffAndThenReportedClearly() {
        executor.credentials(request(ALICE, "C-2", "INC-1", null));
        server.throttleNext(2);
        assertThat(executor.run(request(ALICE, "C-2", "INC-1", null)).items()).isNotEmpty();
        server.throttleNext(10);
        try {
            assertThatThrownBy(() -> executor.run(request(ALICE, "C-2", "INC-1", null, "kh-throttled")))
                    .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.class)
                    .hasMessageContaining("SDK Attempt Count: 3");
        } finally {
            server.throttleNext(0);
        }
        AuditEvent finished = records("kh-throttled").get(1);
        assertThat(finished.type()).isEqualTo(AuditEvent.Type.FINISHED);
        assertThat(finished.get(AuditEvent.Field.OUTCOME)).isEqualTo("failed");
        assertThat((String) finished.get(AuditEvent.Field.ERROR)).startsWith("ProvisionedThroughputExceededException: ");
    }

    private static List<AuditEvent> records(String correlationId) {
        return OrdersWorld.records(audit, correlationId);
    }

    @Test
    void aRunIsRecordedAsStartedThenFinishedWithWhatCloudTrailJoinsOn() {
        RunResult r = executor.run(request(ALICE, "C-1", "INC-7", null, "kh-audited-1"));
        List<AuditEvent> recs = records("kh-audited-1");
        assertThat(recs).extracting(AuditEvent::type).containsExactly(AuditEvent.Type.STARTED, AuditEvent.Type.FINISHED);
        AuditEvent started = recs.get(0);
        assertThat(started.principal()).isEqualTo("alice");
        assertThat(started.fields()).containsEntry(AuditEvent.Field.RUNBOOK, runbook.name())
                .containsEntry(AuditEvent.Field.RUNBOOK_VERSION, runbook.contentHash())
                .containsEntry(AuditEvent.Field.QUERY, runbook.defaultQuery().name())
                .containsEntry(AuditEvent.Field.TICKET, "INC-7")
                .containsEntry(AuditEvent.Field.DECISION, "allow")
                .containsEntry(AuditEvent.Field.SESSION_NAME, "kh-audited-1")
                .containsEntry(AuditEvent.Field.SOURCE_IDENTITY, "alice")
                .containsEntry(AuditEvent.Field.PARAMETERS, Map.of("customerId", "C-1"))
                .containsKey(AuditEvent.Field.INSTANCE);
        AuditEvent finished = recs.get(1);
        assertThat(finished.fields()).containsEntry(AuditEvent.Field.OUTCOME, "ok")
                .containsEntry(AuditEvent.Field.ITEMS, (long) r.items().size())
                .containsEntry(AuditEvent.Field.PAGES, (long) r.pages())
                .containsEntry(AuditEvent.Field.ACCESS_KEY_ID, r.accessKeyId());
        assertThat(r.sessionName()).isEqualTo("kh-audited-1");
    }

    @Test
    void everyRefusalIsRecordedWithItsReason() {
        assertThatThrownBy(() -> executor.run(request(new Caller("bob", Set.of("support")), "C-1", "INC-1", null,
                "kh-refused-bob"))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> executor.run(request(ALICE, "C-1", null, null, "kh-refused-ticket")))
                .isInstanceOf(Refusal.class);
        assertThat(records("kh-refused-bob")).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEvent.Type.REFUSED);
            assertThat(e.principal()).isEqualTo("bob");
            assertThat((String) e.get(AuditEvent.Field.REASON)).startsWith("not-allowed: `bob` may not run runbook");
        });
        assertThat(records("kh-refused-ticket")).singleElement()
                .satisfies(e -> assertThat((String) e.get(AuditEvent.Field.REASON)).startsWith("ticket-missing: "));
    }

    /**
     * An exception's credentials carry {@code DateLessThan aws:CurrentTime} at the exception's end, so they
     * lapse with it even used outside keyhole, before STS's own 15-minute minimum runs out.
     */
    @Test
    void credentialsMintedUnderAnExceptionLapseWithItEvenUsedOutsideKeyhole() {
        Grants grants = new Grants(Database.sqlite(auditDir.resolve("grants.db")), GrantRules.defaults(), audit,
                Notifier.NONE, CLOCK);
        Executor withGrants = new Executor(broker, clients, new CursorSealer(CursorSealer.newKey(), CLOCK),
                new Masker(new byte[32]), CLOCK, audit, new GrantAuthorizer(grants));
        Caller bob = new Caller("bob", Set.of("support"));
        assertThatThrownBy(() -> withGrants.credentials(request(bob, "C-1", "INC-77", null))).isInstanceOf(Refusal.class);
        Grant g = grants.requestException(bob, runbook, "INC-77", "orders on-call is out", Duration.ofMinutes(5));
        grants.approve(g.id(), new Caller("dan", Set.of("security")));
        SessionCredentials c = withGrants.credentials(request(bob, "C-1", "INC-77", null, "kh-exception-1"));
        assertThat(records("kh-exception-1").get(0).get(AuditEvent.Field.REASON)).asString()
                .startsWith("exception " + g.id() + " until ");
        DynamoDbClient direct = clients.forCredentials(c, "us-east-1");
        assertThat(direct.query(query("C-1", "customerId, orderId").build()).items()).isNotEmpty();
        CLOCK.offset.set(Duration.ofMinutes(6));
        try {
            assertThat(c.expiration()).isAfter(CLOCK.instant());
            assertDenied(() -> direct.query(query("C-1", "customerId, orderId").build()));
            assertThatThrownBy(() -> withGrants.run(request(bob, "C-1", "INC-77", null))).isInstanceOf(Refusal.class);
        } finally {
            CLOCK.offset.set(Duration.ZERO);
        }
    }

    @Test
    void aTicketItsProviderRejectsOrCannotConfirmIsRefusedAndRecorded() {
        Runbook checked = RunbookLoader.load("orders.yaml", RUNBOOK.replace("pattern: \"^INC-[0-9]+$\"}",
                "pattern: \"^INC-[0-9]+$\", provider: itsm}")).runbooks().get(0);
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        TicketProvider itsm = q -> {
            asked.add(q.ticket() + " " + q.requester() + " " + q.runbook());
            return switch (q.ticket()) {
                case "INC-1" -> TicketVerdict.accept("`INC-1` is open", "checkout down");
                case "INC-2" -> TicketVerdict.reject("`INC-2` is resolved; runs need an open ticket", null);
                default -> throw new TicketCheckException("itsm answered 503");
            };
        };
        Executor gated = new Executor(broker, clients, new CursorSealer(CursorSealer.newKey(), CLOCK),
                new Masker(new byte[32]), CLOCK, audit, dev.keyhole.gateway.access.Authorizer.BINDINGS_ONLY,
                new TicketGate(TicketProviders.of(Map.of("itsm", itsm))));
        java.util.function.BiFunction<String, String, RunRequest> req = (ticket, id) ->
                new RunRequest(ALICE, checked, null, Map.of("customerId", "C-1"), ticket, null, id);
        assertThat(gated.run(req.apply("INC-1", "kh-ticket-ok")).items()).isNotEmpty();
        assertThatThrownBy(() -> gated.run(req.apply("INC-2", "kh-ticket-done")))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.TICKET_REJECTED))
                .hasMessage("`INC-2` is resolved; runs need an open ticket");
        assertThatThrownBy(() -> gated.run(req.apply("INC-3", "kh-ticket-down")))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.TICKET_UNVERIFIED));
        assertThat(asked).containsExactly("INC-1 alice orders-by-customer", "INC-2 alice orders-by-customer",
                "INC-3 alice orders-by-customer");
        assertThat(records("kh-ticket-done")).singleElement().satisfies(e -> assertThat(e.get(AuditEvent.Field.REASON))
                .isEqualTo("ticket-rejected: `INC-2` is resolved; runs need an open ticket"));
        assertThat(records("kh-ticket-down").get(0).get(AuditEvent.Field.REASON)).asString()
                .startsWith("ticket-unverified: ticket `INC-3` could not be confirmed with `itsm`: itsm answered 503");
    }

    @Test
    void nothingRunsAndNoCredentialIsRequestedWhenTheStartedRecordCannotBeWritten() throws Exception {
        java.util.concurrent.atomic.AtomicInteger minted = new java.util.concurrent.atomic.AtomicInteger();
        CredentialsBroker counting = new CredentialsBroker() {
            @Override
            public SessionCredentials credentials(dev.keyhole.gateway.credentials.SessionRequest r) {
                minted.incrementAndGet();
                return broker.credentials(r);
            }

            @Override
            public void close() {}
        };
        AuditLog broken = new AuditLog(AuditStore.sqlite(auditDir.resolve("broken.db")),
                new CheckpointPolicy(CheckpointSigner.generate(), 100, Duration.ofMinutes(1)), CLOCK);
        broken.close(); // a log that can no longer write, like a full disk or a lost database
        Executor blind = new Executor(counting, clients, new CursorSealer(CursorSealer.newKey(), CLOCK),
                new Masker(new byte[32]), CLOCK, broken);
        assertThatThrownBy(() -> blind.run(request(ALICE, "C-1", "INC-1", null)))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.AUDIT_UNAVAILABLE))
                .hasMessageContaining("will not run anything it cannot audit");
        assertThat(minted).hasValue(0);
    }

    @Test
    void credentialsAreReusedForTheSameBindingOnly() {
        SessionCredentials a = executor.credentials(request(ALICE, "C-1", "INC-1", null));
        SessionCredentials again = executor.credentials(request(ALICE, "C-1", "INC-1", null));
        SessionCredentials other = executor.credentials(request(ALICE, "C-2", "INC-1", null));
        SessionCredentials otherTicket = executor.credentials(request(ALICE, "C-1", "INC-2", null));
        assertThat(again.accessKeyId()).isEqualTo(a.accessKeyId());
        assertThat(other.accessKeyId()).isNotEqualTo(a.accessKeyId());
        assertThat(otherTicket.accessKeyId()).isNotEqualTo(a.accessKeyId());
    }

    private static void assertDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    }

    private static QueryRequest.Builder query(String customer, String projection) {
        return QueryRequest.builder().tableName("Orders").keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer)))
                .projectionExpression(projection).select(Select.SPECIFIC_ATTRIBUTES);
    }

    @Test
    void mintedCredentialsUsedDirectlyCanRunTheQueryAndNothingElse() {
        SessionCredentials c = executor.credentials(new RunRequest(ALICE, runbook, null, Map.of("customerId", "C-1"),
                "INC-7", null, "kh-direct"));
        AwsSessionCredentials sdk = AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        try (DynamoDbClient db = client(sdk, "us-east-1"); DynamoDbClient elsewhere = client(sdk, "eu-west-1")) {
            assertThat(db.query(query("C-1", "customerId, orderId, createdAt").build()).count()).isEqualTo(12);
            assertDenied(() -> db.query(query("C-2", "customerId, orderId").build()));
            assertDenied(() -> db.query(query("C-1", "customerId, orderId, card").build()));
            assertDenied(() -> db.query(b -> b.tableName("Orders").keyConditionExpression("customerId = :c")
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("C-1")))));
            assertDenied(() -> db.scan(b -> b.tableName("Orders").projectionExpression("orderId")));
            assertDenied(() -> db.query(query("C-1", "orderId").tableName("Payments").build()));
            assertDenied(() -> db.query(b -> b.tableName("Orders").indexName("byStatus").keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "status")).projectionExpression("orderId")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("OPEN")))));
            assertDenied(() -> elsewhere.query(query("C-1", "customerId, orderId").build()));
            assertDenied(() -> db.putItem(b -> b.tableName("Orders").item(Map.of("customerId", AttributeValue.fromS("C-1"),
                    "orderId", AttributeValue.fromS("O-99")))));
            CLOCK.offset.set(Duration.ofMinutes(16));
            try {
                assertThatThrownBy(() -> db.query(query("C-1", "customerId, orderId").build()))
                        .isInstanceOf(DynamoDbException.class)
                        .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                                .isEqualTo("ExpiredTokenException"));
            } finally {
                CLOCK.offset.set(Duration.ZERO);
            }
        }
    }
}
