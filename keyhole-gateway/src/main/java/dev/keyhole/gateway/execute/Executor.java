package dev.keyhole.gateway.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import dev.keyhole.gateway.access.AccessCheck;
import dev.keyhole.gateway.ticket.TicketCheckException;
import dev.keyhole.gateway.ticket.TicketGate;
import dev.keyhole.gateway.ticket.TicketProviders;
import dev.keyhole.gateway.ticket.TicketQuery;
import dev.keyhole.gateway.ticket.TicketVerdict;
import dev.keyhole.runbook.model.Access;
import dev.keyhole.gateway.access.Authorization;
import dev.keyhole.gateway.access.Authorizer;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditUnavailableException;
import dev.keyhole.gateway.audit.Instances;
import dev.keyhole.gateway.credentials.CredentialsBroker;
import dev.keyhole.gateway.credentials.SessionCredentials;
import dev.keyhole.gateway.credentials.SessionRequest;
import dev.keyhole.gateway.shape.AttributeJson;
import dev.keyhole.gateway.shape.Masker;
import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import dev.keyhole.runbook.bind.BoundValue;
import dev.keyhole.runbook.compile.RolePolicyCompiler;
import dev.keyhole.runbook.compile.RunbookSchemas;
import dev.keyhole.runbook.compile.SessionPolicyCompiler;
import dev.keyhole.runbook.cursor.CursorBinding;
import dev.keyhole.runbook.cursor.CursorException;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.cursor.CursorState;
import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.plan.Plan;
import dev.keyhole.runbook.plan.Planner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Runs one runbook query the keyhole way: authorize, bind, plan, compile the session policy, check
 * the plan against it with keyhole's own evaluator (refusing to run what the policy would not
 * allow), mint credentials, execute with the SDK, mask, and seal the cursor.
 */
public final class Executor {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Credentials closer than this to expiry are not reused for a new run. */
    private static final Duration REUSE_MARGIN = Duration.ofMinutes(2);
    /** Most bindings whose checked plan and credentials are kept for reuse. */
    private static final int MAX_CHECKED = 1024;

    private final CredentialsBroker broker;
    private final DynamoDbClients clients;
    private final CursorSealer sealer;
    private final Masker masker;
    private final Clock clock;
    /** Plans and credentials already checked for a binding, reused while the credentials stay valid. */
    private final java.util.concurrent.ConcurrentHashMap<String, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /** A binding's plan and the credentials minted for it after the pre-flight check passed. */
    private record Checked(Plan plan, Policy session, SessionCredentials creds) {}

    /** This process, in started records: host, pid and start time tell a crash from a run in progress. */
    private static final String INSTANCE = Instances.current();

    private final AuditLog audit;
    private final Authorizer authorizer;
    private final TicketGate tickets;

    /**
     * @param audit where every attempt is recorded; a run that cannot write its started record does not run
     */
    public Executor(CredentialsBroker broker, DynamoDbClients clients, CursorSealer sealer, Masker masker, Clock clock,
                    AuditLog audit) {
        this(broker, clients, sealer, masker, clock, audit, Authorizer.BINDINGS_ONLY);
    }

    /**
     * @param audit where every attempt is recorded; a run that cannot write its started record does not run
     * @param authorizer who may run what now (bindings, approvals, exceptions)
     */
    public Executor(CredentialsBroker broker, DynamoDbClients clients, CursorSealer sealer, Masker masker, Clock clock,
                    AuditLog audit, Authorizer authorizer) {
        this(broker, clients, sealer, masker, clock, audit, authorizer, new TicketGate(TicketProviders.of(Map.of())));
    }

    /**
     * @param audit where every attempt is recorded; a run that cannot write its started record does not run
     * @param authorizer who may run what now (bindings, approvals, exceptions)
     * @param tickets confirms tickets with the provider each runbook names
     */
    public Executor(CredentialsBroker broker, DynamoDbClients clients, CursorSealer sealer, Masker masker, Clock clock,
                    AuditLog audit, Authorizer authorizer, TicketGate tickets) {
        this.tickets = java.util.Objects.requireNonNull(tickets, "tickets");
        this.authorizer = java.util.Objects.requireNonNull(authorizer, "authorizer");
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.broker = broker;
        this.clients = clients;
        this.sealer = sealer;
        this.masker = masker;
        this.clock = clock;
    }

    /**
     * Runs {@code req}: admits it (refusals are recorded and thrown as {@link Refusal}), writes the durable
     * "started" record, mints or reuses credentials, queries, and records "finished" with the outcome,
     * on success and on every failure.
     */
    public RunResult run(RunRequest req) {
        long t0 = System.nanoTime();
        Admitted a = admitOrRecord(req);
        started(req, a);
        RunResult r = null;
        for (boolean firstTry = true; r == null; firstTry = false) {
            SessionCredentials creds = mint(req, a, t0);
            try {
                DynamoDbClient client = clients.forCredentials(creds, a.plan().region());
                r = fetch(req.runbook(), a.plan(), client, creds, a.binding(), a.state(), req.correlationId(), t0);
            } catch (RuntimeException e) {
                if (firstTry && a.reusable() != null && Failure.expiredCredentials(e)) {
                    // AWS's clock is ahead of ours: credentials we thought good have expired there. Drop them and
                    // admit again (a fresh session policy, its DateLessThan from now), once.
                    a = readmit(req, a, t0);
                    continue;
                }
                finished(req, a, null, e, Failure.ofQuery(e), t0);
                throw e;
            }
        }
        finished(req, a, r, null, null, t0);
        return r;
    }

    /**
     * The narrowed credentials {@code req} would run with, after every check a run makes; for
     * {@code keyhole credentials}, so people can use their own tools inside the keyhole. Audited like a run.
     */
    public SessionCredentials credentials(RunRequest req) {
        long t0 = System.nanoTime();
        Admitted a = admitOrRecord(req);
        started(req, a);
        SessionCredentials creds = mint(req, a, t0);
        audit.append(event(AuditEvent.Type.FINISHED, req, a.query().name())
                .with(AuditEvent.Field.OUTCOME, "ok").with(AuditEvent.Field.REASON, "credentials handed out")
                .with(AuditEvent.Field.ACCESS_KEY_ID, creds.accessKeyId())
                .with(AuditEvent.Field.DURATION_MS, (System.nanoTime() - t0) / 1_000_000).build());
        return creds;
    }

    /** Everything decided before the started record: why, the checked plan, and credentials when reusable. */
    private record Admitted(Authorization why, QuerySpec query, Plan plan, Policy session, CursorBinding binding,
                            CursorState state, String bindingKey, SessionCredentials reusable) {}

    private Admitted admitOrRecord(RunRequest req) {
        try {
            return admit(req);
        } catch (Refusal r) {
            recordRefusal(req, r);
            throw r;
        }
    }

    private void recordRefusal(RunRequest req, Refusal r) {
        try {
            audit.append(event(AuditEvent.Type.REFUSED, req, req.query())
                    .with(AuditEvent.Field.DECISION, "refuse").with(AuditEvent.Field.OUTCOME, "refused")
                    .with(AuditEvent.Field.REASON, r.kind().word() + ": " + r.getMessage()).build());
        } catch (AuditUnavailableException e) {
            r.addSuppressed(e); // still refused; the refusal just could not be recorded
        }
    }

    private void started(RunRequest req, Admitted a) {
        try {
            audit.append(event(AuditEvent.Type.STARTED, req, a.query().name())
                    .with(AuditEvent.Field.DECISION, "allow")
                    .with(AuditEvent.Field.REASON, a.why().reason())
                    .with("grant", a.why().grant())
                    .with(AuditEvent.Field.INSTANCE, INSTANCE).build());
        } catch (AuditUnavailableException e) {
            // INVARIANT: nothing runs without a durable started record.
            throw new Refusal(Refusal.Kind.AUDIT_UNAVAILABLE, "keyhole will not run anything it cannot audit: "
                    + e.getMessage());
        }
    }

    /** Forgets the credentials of {@code a}'s binding and admits {@code req} afresh; a refusal now finishes the run. */
    private Admitted readmit(RunRequest req, Admitted a, long t0) {
        checked.remove(a.bindingKey());
        broker.forget(a.bindingKey());
        try {
            return admit(req);
        } catch (Refusal r) {
            finished(req, a, null, r, Failure.ERROR, t0);
            throw r;
        }
    }

    /**
     * The credentials for a started execution; when STS refuses or cannot be asked, the execution finishes
     * as failed (with why) and the caller gets a {@link Refusal}: nothing ran.
     */
    private SessionCredentials mint(RunRequest req, Admitted a, long t0) {
        try {
            return credentialsFor(req, a);
        } catch (SdkException e) {
            Failure why = Failure.ofCredentials(e);
            Refusal r = why == Failure.CREDENTIALS_REFUSED
                    ? new Refusal(Refusal.Kind.CREDENTIALS_REFUSED, "STS refused credentials for runbook `"
                            + req.runbook().name() + "` (" + describe(e) + "); nothing ran", e)
                    : new Refusal(Refusal.Kind.CREDENTIALS_UNAVAILABLE, "STS gave no credentials for runbook `"
                            + req.runbook().name() + "` in time (" + describe(e) + "); nothing ran, try again later", e);
            finished(req, a, null, e, why, t0);
            throw r;
        } catch (RuntimeException e) {
            finished(req, a, null, e, Failure.ERROR, t0);
            throw e;
        }
    }

    private void finished(RunRequest req, Admitted a, RunResult r, RuntimeException failure, Failure why, long t0) {
        AuditEvent.Builder b = event(AuditEvent.Type.FINISHED, req, a.query().name())
                .with(AuditEvent.Field.DURATION_MS, (System.nanoTime() - t0) / 1_000_000);
        if (r != null) {
            b.with(AuditEvent.Field.OUTCOME, "ok").with(AuditEvent.Field.ITEMS, r.items().size())
                    .with(AuditEvent.Field.PAGES, r.pages()).with(AuditEvent.Field.CONSUMED_CAPACITY, r.consumedCapacity())
                    .with(AuditEvent.Field.ACCESS_KEY_ID, r.accessKeyId());
        } else {
            b.with(AuditEvent.Field.OUTCOME, "failed").with(AuditEvent.Field.FAILURE, why.word())
                    .with(AuditEvent.Field.ERROR, describe(failure));
        }
        try {
            audit.append(b.build());
        } catch (AuditUnavailableException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                // The caller must not get results that the log cannot account for.
                throw e;
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The fields every record of one request carries. */
    private AuditEvent.Builder event(AuditEvent.Type type, RunRequest req, String queryName) {
        Runbook rb = req.runbook();
        return AuditEvent.of(type, req.correlationId(), clock.instant(), req.caller().name())
                .with(AuditEvent.Field.RUNBOOK, rb.name())
                .with(AuditEvent.Field.RUNBOOK_VERSION, rb.contentHash())
                .with(AuditEvent.Field.GIT_COMMIT, req.origin().runbookCommit())
                .with(AuditEvent.Field.QUERY, queryName == null ? rb.defaultQuery().name() : queryName)
                .with(AuditEvent.Field.TICKET, req.ticket())
                .with(AuditEvent.Field.PARAMETERS, maskedParameters(req))
                .with(AuditEvent.Field.CLIENT_ADDRESS, req.origin().clientAddress())
                .with(AuditEvent.Field.USER_AGENT, req.origin().userAgent())
                .with(AuditEvent.Field.SESSION_NAME, req.correlationId())
                .with(AuditEvent.Field.SOURCE_IDENTITY, req.caller().sourceIdentity());
    }

    /** Parameters as given, with the runbook's masking rules applied to parameters of the same name. */
    private Map<String, String> maskedParameters(RunRequest req) {
        if (req.params().isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> asItem = new TreeMap<>();
        req.params().forEach((k, v) -> asItem.put(k, AttributeValue.fromS(v)));
        Map<String, String> out = new TreeMap<>();
        masker.mask(asItem, req.runbook().masking()).forEach((k, v) -> out.put(k, v.s() != null ? v.s() : String.valueOf(v)));
        return out;
    }

    private SessionCredentials credentialsFor(RunRequest req, Admitted a) {
        if (a.reusable() != null) {
            return a.reusable();
        }
        Runbook rb = req.runbook();
        Instant now = clock.instant();
        SessionCredentials creds = broker.credentials(new SessionRequest(rb.target().role(), a.session(),
                rb.access().sessionTtl(), req.correlationId(), req.caller().sourceIdentity(),
                Map.of("keyhole-runbook", rb.name(), "keyhole-ticket", req.ticket() == null ? "none" : req.ticket()),
                a.bindingKey()));
        checked.values().removeIf(c -> !now.isBefore(c.creds().expiration()));
        if (checked.size() >= MAX_CHECKED) {
            // Values that change every second (relative datetimes) make a new binding each time; keep memory flat
            // by starting over rather than holding thousands of live entries until they expire.
            checked.clear();
        }
        checked.put(a.bindingKey(), new Checked(a.plan(), a.session(), creds));
        return creds;
    }

    /** Asks the runbook's ticket provider whether the ticket is real and live; fails closed. */
    private void confirmTicket(RunRequest req) {
        Runbook rb = req.runbook();
        if (req.ticket() == null || Access.PATTERN_PROVIDER.equals(rb.access().ticketProvider())
                || AccessCheck.isMachineReason(rb, req.caller(), req.ticket())) {
            return;
        }
        TicketVerdict v;
        try {
            v = tickets.check(rb.access().ticketProvider(), new TicketQuery(req.ticket(), req.caller().name(), null,
                    rb.name(), req.correlationId()));
        } catch (TicketCheckException | IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.TICKET_UNVERIFIED, "ticket `" + req.ticket() + "` could not be confirmed with `"
                    + rb.access().ticketProvider() + "`: " + e.getMessage());
        }
        if (!v.accepted()) {
            throw new Refusal(Refusal.Kind.TICKET_REJECTED, v.reason());
        }
    }

    private Admitted admit(RunRequest req) {
        Runbook rb = req.runbook();
        Authorization why = authorizer.authorize(req.caller(), rb);
        AccessCheck.ticket(rb, req.caller(), req.ticket());
        confirmTicket(req);
        if (why.ticket() != null && !why.ticket().equals(req.ticket())) {
            throw new Refusal(Refusal.Kind.TICKET_INVALID, why.grant() + " is for ticket `" + why.ticket()
                    + "`; run under that ticket or request a grant for `" + req.ticket() + "`");
        }
        QuerySpec q = req.query() == null ? rb.defaultQuery() : rb.queries().get(req.query());
        if (q == null) {
            throw new Refusal(Refusal.Kind.UNKNOWN_QUERY, "runbook `" + rb.name() + "` has no query `" + req.query()
                    + "`; it has " + String.join(", ", rb.queries().keySet()));
        }
        Map<String, BoundValue> bound;
        try {
            bound = Planner.bind(rb, req.params(), clock);
        } catch (Planner.BindException e) {
            throw new Refusal(Refusal.Kind.BAD_PARAMETERS, String.join("; ", e.problems()));
        }
        CursorBinding binding = new CursorBinding(rb.name(), rb.contentHash(), q.name(), req.params(),
                req.caller().asRunner());
        CursorState state = null;
        if (req.cursor() != null) {
            try {
                state = sealer.open(binding, req.cursor());
            } catch (CursorException e) {
                throw new Refusal(Refusal.Kind.CURSOR_REJECTED, e.getMessage());
            }
        }
        if (rb.target().keys() == null) {
            // Without the key schema the session policy could not pin dynamodb:LeadingKeys: refuse.
            throw new Refusal(Refusal.Kind.PREFLIGHT_DENIED, "runbook `" + rb.name() + "` does not declare "
                    + "`target.keys`; keyhole needs them to pin the partition key in the session policy "
                    + "(`keyhole runbooks lint DIR --describe` reads them from the table)");
        }
        Instant now = clock.instant();
        // A grant's credentials are its own: they end with it (the key includes the grant id).
        String bindingKey = bindingKey(rb, q, bound, req.caller().name(), req.ticket() + "\n" + why.grant());
        Checked done = checked.get(bindingKey);
        if (done != null && now.plus(REUSE_MARGIN).isBefore(done.creds().expiration())) {
            // Same runbook version, query, values and caller: the same plan, policy and pre-flight verdict.
            return new Admitted(why, q, done.plan(), done.session(), binding, state, bindingKey, done.creds());
        }
        Plan plan = Planner.plan(rb, q, bound);
        KeySchemaLookup schemas = RunbookSchemas.declared(rb);
        Instant policyEnd = now.plus(rb.access().sessionTtl());
        if (why.until() != null && why.until().isBefore(policyEnd)) {
            // INVARIANT: the session policy lapses with the grant (DateLessThan aws:CurrentTime), even if keyhole is down.
            policyEnd = why.until();
        }
        Policy session = SessionPolicyCompiler.compile(rb.name(), q.name(), plan, schemas, policyEnd);
        preflight(rb, plan, session, schemas, now);
        return new Admitted(why, q, plan, session, binding, state, bindingKey, null);
    }

    private RunResult fetch(Runbook rb, Plan plan, DynamoDbClient client, SessionCredentials creds,
                            CursorBinding binding, CursorState state, String correlationId, long started) {
        int pagesBefore = state == null ? 0 : state.pagesRead();
        int itemsBefore = state == null ? 0 : state.itemsReturned();
        Map<String, AttributeValue> startKey = state == null ? null : parseKey(state.lastEvaluatedKey());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int pages = 0;
        int scanned = 0;
        double capacity = 0;
        Map<String, AttributeValue> lastKey = null;
        int wanted = Math.min(rb.limits().pageSize(), rb.limits().maxItems() - itemsBefore);
        if (plan.operation() == Operation.GET_ITEM) {
            GetItemResponse r = client.getItem(getItem(plan));
            pages = 1;
            capacity = r.consumedCapacity() == null ? 0 : r.consumedCapacity().capacityUnits();
            if (r.hasItem() && !r.item().isEmpty()) {
                items.add(masker.mask(r.item(), rb.masking()));
                scanned = 1;
            }
        } else {
            do {
                PageResult page = plan.operation() == Operation.QUERY
                        ? page(client.query(query(plan, startKey)))
                        : page(client.scan(scan(plan, startKey)));
                pages++;
                scanned += page.scanned;
                capacity += page.capacity;
                for (Map<String, AttributeValue> item : page.items) {
                    if (items.size() < wanted) {
                        items.add(masker.mask(item, rb.masking()));
                    }
                }
                lastKey = page.lastKey;
                startKey = lastKey;
            } while (lastKey != null && items.size() < wanted && pagesBefore + pages < rb.limits().maxPages());
        }
        boolean capReached = lastKey != null && (pagesBefore + pages >= rb.limits().maxPages()
                || itemsBefore + items.size() >= rb.limits().maxItems());
        String cursor = null;
        if (lastKey != null && !capReached) {
            cursor = sealer.seal(binding, new CursorState(AttributeJson.typed(lastKey).toString(),
                    pagesBefore + pages, itemsBefore + items.size(), clock.instant().plus(rb.access().sessionTtl())));
        }
        return new RunResult(correlationId, items, cursor, capReached, pages, scanned, capacity,
                Duration.ofNanos(System.nanoTime() - started), creds.accessKeyId(), creds.sessionName());
    }

    private record PageResult(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey,
                              int scanned, double capacity) {}

    private static PageResult page(QueryResponse r) {
        return new PageResult(r.items(), r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? r.lastEvaluatedKey() : null, r.scannedCount(),
                r.consumedCapacity() == null ? 0 : r.consumedCapacity().capacityUnits());
    }

    private static PageResult page(ScanResponse r) {
        return new PageResult(r.items(), r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? r.lastEvaluatedKey() : null, r.scannedCount(),
                r.consumedCapacity() == null ? 0 : r.consumedCapacity().capacityUnits());
    }

    /**
     * Refuses to mint credentials for a plan that the session policy (within the execution role's own
     * policy) would not allow: a runbook whose compiled policy is wrong fails here, not in AWS.
     */
    private static void preflight(Runbook rb, Plan plan, Policy session, KeySchemaLookup schemas, Instant now) {
        PolicySet set = PolicySet.builder()
                .identity("executionRole", RolePolicyCompiler.compile(rb.target().role(), List.of(rb)))
                .sessionPolicy(session).build();
        Principal principal = new Principal(PrincipalType.ASSUMED_ROLE, "arn:aws:sts::" + plan.account()
                + ":assumed-role/" + rb.target().role().substring(rb.target().role().lastIndexOf('/') + 1)
                + "/preflight", null, plan.account(), Map.of());
        for (IamCheck c : DynamoIam.derive(plan.operation().api(), plan.toJson(), plan.region(), plan.account(),
                schemas)) {
            RequestContext.Builder ctx = RequestContext.builder()
                    .put("aws:RequestedRegion", plan.region())
                    .put("aws:CurrentTime", now.toString());
            c.keys().forEach(ctx::put);
            Decision d = set.evaluate(new Request(principal, c.action(), c.resource(), ctx.build()));
            if (!d.allowed()) {
                throw new Refusal(Refusal.Kind.PREFLIGHT_DENIED, "keyhole will not run runbook `" + rb.name()
                        + "`: its compiled policy would not allow " + c.action() + " on " + c.resource() + " ("
                        + d.explain() + "); this is a bug in the runbook or in keyhole, please report it");
            }
        }
    }

    private static QueryRequest query(Plan p, Map<String, AttributeValue> startKey) {
        return QueryRequest.builder().tableName(p.table()).indexName(p.index())
                .keyConditionExpression(p.keyCondition()).filterExpression(p.filter())
                .projectionExpression(p.projection()).select(Select.SPECIFIC_ATTRIBUTES)
                .expressionAttributeNames(p.names().isEmpty() ? null : p.names())
                .expressionAttributeValues(values(p))
                .limit(p.limit()).scanIndexForward(p.scanIndexForward()).consistentRead(p.consistentRead())
                .exclusiveStartKey(startKey).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }

    private static ScanRequest scan(Plan p, Map<String, AttributeValue> startKey) {
        return ScanRequest.builder().tableName(p.table()).indexName(p.index()).filterExpression(p.filter())
                .projectionExpression(p.projection()).select(Select.SPECIFIC_ATTRIBUTES)
                .expressionAttributeNames(p.names().isEmpty() ? null : p.names())
                .expressionAttributeValues(values(p))
                .limit(p.limit()).consistentRead(p.consistentRead())
                .exclusiveStartKey(startKey).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }

    private static GetItemRequest getItem(Plan p) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        p.key().forEach((k, v) -> key.put(k, attribute(v)));
        return GetItemRequest.builder().tableName(p.table()).key(key).projectionExpression(p.projection())
                .expressionAttributeNames(p.names().isEmpty() ? null : p.names())
                .consistentRead(p.consistentRead()).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }

    private static Map<String, AttributeValue> values(Plan p) {
        if (p.values().isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        p.values().forEach((k, v) -> out.put(k, attribute(v)));
        return out;
    }

    private static AttributeValue attribute(BoundValue v) {
        return switch (v.type()) {
            case "N" -> AttributeValue.fromN(v.text());
            case "BOOL" -> AttributeValue.fromBool(Boolean.parseBoolean(v.text()));
            default -> AttributeValue.fromS(v.text());
        };
    }

    private static Map<String, AttributeValue> parseKey(String json) {
        try {
            return AttributeJson.fromTyped(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What credentials may be shared by: runbook version, query, bound values, caller and ticket (the
     * ticket is a session tag, so a run under another ticket gets its own session in CloudTrail).
     */
    private static String bindingKey(Runbook rb, QuerySpec q, Map<String, BoundValue> bound, String caller,
                                     String ticket) {
        StringBuilder sb = new StringBuilder();
        sb.append(rb.name()).append('\n').append(rb.contentHash()).append('\n').append(q.name()).append('\n')
                .append(caller).append('\n').append(ticket).append('\n');
        new TreeMap<>(bound).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
