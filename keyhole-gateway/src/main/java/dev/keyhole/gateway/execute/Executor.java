package dev.keyhole.gateway.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import dev.keyhole.gateway.access.AccessCheck;
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

    private final CredentialsBroker broker;
    private final DynamoDbClients clients;
    private final CursorSealer sealer;
    private final Masker masker;
    private final Clock clock;
    /** Plans and credentials already checked for a binding, reused while the credentials stay valid. */
    private final java.util.concurrent.ConcurrentHashMap<String, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /** A binding's plan and the credentials minted for it after the pre-flight check passed. */
    private record Checked(Plan plan, SessionCredentials creds) {}

    public Executor(CredentialsBroker broker, DynamoDbClients clients, CursorSealer sealer, Masker masker, Clock clock) {
        this.broker = broker;
        this.clients = clients;
        this.sealer = sealer;
        this.masker = masker;
        this.clock = clock;
    }

    /** Runs {@code req}; throws {@link Refusal} when keyhole will not run it. */
    public RunResult run(RunRequest req) {
        long started = System.nanoTime();
        Prepared p = prepare(req);
        DynamoDbClient client = clients.forCredentials(p.creds(), p.plan().region());
        return fetch(req.runbook(), p.plan(), client, p.creds(), p.binding(), p.state(), req.correlationId(), started);
    }

    /**
     * The narrowed credentials {@code req} would run with, after every check a run makes; for
     * {@code keyhole credentials}, so people can use their own tools inside the keyhole.
     */
    public SessionCredentials credentials(RunRequest req) {
        return prepare(req).creds();
    }

    /** Everything decided before DynamoDB is called. */
    private record Prepared(Plan plan, SessionCredentials creds, CursorBinding binding, CursorState state) {}

    private Prepared prepare(RunRequest req) {
        Runbook rb = req.runbook();
        AccessCheck.check(rb, req.caller(), req.ticket());
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
        String bindingKey = bindingKey(rb, q, bound, req.caller().name(), req.ticket());
        Checked done = checked.get(bindingKey);
        if (done != null && now.plus(REUSE_MARGIN).isBefore(done.creds().expiration())) {
            // Same runbook version, query, values and caller: the same plan, policy and pre-flight verdict.
            return new Prepared(done.plan(), done.creds(), binding, state);
        }
        Plan plan = Planner.plan(rb, q, bound);
        KeySchemaLookup schemas = RunbookSchemas.declared(rb);
        Duration ttl = rb.access().sessionTtl();
        Policy session = SessionPolicyCompiler.compile(rb.name(), q.name(), plan, schemas, now.plus(ttl));
        preflight(rb, plan, session, schemas, now);
        SessionCredentials creds = broker.credentials(new SessionRequest(rb.target().role(), session, ttl,
                req.correlationId(), req.caller().name(),
                Map.of("keyhole-runbook", rb.name(), "keyhole-ticket", req.ticket() == null ? "none" : req.ticket()),
                bindingKey));
        checked.values().removeIf(c -> !now.isBefore(c.creds().expiration()));
        checked.put(bindingKey, new Checked(plan, creds));
        return new Prepared(plan, creds, binding, state);
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
