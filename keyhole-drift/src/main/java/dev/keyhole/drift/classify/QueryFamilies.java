package dev.keyhole.drift.classify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.runbook.compile.RunbookSchemas;
import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every runbook query's family, indexed by resource ARN for fast matching.
 *
 * <p>A family's attributes are found the way IAM finds them for a real request: the query is written
 * as the DynamoDB request it plans to (placeholder values) and handed to keyhole-dynamo's
 * {@link DynamoIam#derive}; the table's declared key attributes are added.
 */
public final class QueryFamilies {

    private final List<QueryFamily> all;
    private final Map<String, List<QueryFamily>> byResource = new HashMap<>();
    private final Map<String, Runbook> runbooks = new HashMap<>();
    private final KeySchemaLookup schemas;

    private QueryFamilies(List<Runbook> rbs) {
        List<QueryFamily> out = new ArrayList<>();
        List<KeySchemaLookup> lookups = new ArrayList<>();
        for (Runbook rb : rbs) {
            runbooks.put(rb.name(), rb);
            lookups.add(RunbookSchemas.declared(rb));
            for (QuerySpec q : rb.queries().values()) {
                QueryFamily f = family(rb, q);
                out.add(f);
                byResource.computeIfAbsent(f.resource(), k -> new ArrayList<>()).add(f);
            }
        }
        this.all = List.copyOf(out);
        this.schemas = name -> lookups.stream().map(l -> l.keys(name)).flatMap(Optional::stream).findFirst();
    }

    /** The families of {@code runbooks}. */
    public static QueryFamilies of(List<Runbook> runbooks) {
        return new QueryFamilies(runbooks);
    }

    /** Every family. */
    public List<QueryFamily> all() {
        return all;
    }

    /** Families on exactly this table or index ARN. */
    public List<QueryFamily> on(String resource) {
        return byResource.getOrDefault(resource, List.of());
    }

    /** A runbook by name. */
    public Optional<Runbook> runbook(String name) {
        return Optional.ofNullable(name == null ? null : runbooks.get(name));
    }

    /** Key schemas the runbooks declare, for computing {@code dynamodb:LeadingKeys}. */
    public KeySchemaLookup schemas() {
        return schemas;
    }

    /** The family that covers every check, or empty. */
    public Optional<QueryFamily> explaining(List<IamCheck> checks) {
        QueryFamily found = null;
        for (IamCheck c : checks) {
            QueryFamily f = explaining(c);
            if (f == null) {
                return Optional.empty();
            }
            found = found == null ? f : found;
        }
        return Optional.ofNullable(found);
    }

    /** The first family that explains {@code c}, or {@code null}. */
    public QueryFamily explaining(IamCheck c) {
        for (QueryFamily f : on(c.resource())) {
            if (f.explains(c)) {
                return f;
            }
        }
        return null;
    }

    private static QueryFamily family(Runbook rb, QuerySpec q) {
        Target t = rb.target();
        String index = q.operation() == Operation.GET_ITEM ? null : q.index() != null ? q.index() : t.index();
        ObjectNode req = JsonNodeFactory.instance.objectNode();
        req.put("TableName", t.table());
        if (index != null) {
            req.put("IndexName", index);
        }
        if (q.keyCondition() != null) {
            req.put("KeyConditionExpression", q.keyCondition());
        }
        if (q.filter() != null) {
            req.put("FilterExpression", q.filter());
        }
        if (!q.projection().isEmpty()) {
            req.put("ProjectionExpression", String.join(", ", q.projection()));
        }
        if (!q.key().isEmpty()) {
            ObjectNode key = req.putObject("Key");
            q.key().keySet().forEach(k -> key.putObject(k).put("S", "?"));
        }
        List<IamCheck> checks = DynamoIam.derive(q.operation().api(), req, t.region(), t.account(), n -> Optional.empty());
        IamCheck c = checks.get(0);
        ContextValue attrs = c.keys().get("dynamodb:Attributes");
        Set<String> attributes = null;
        if (attrs != null && !attrs.values().contains(DynamoIam.ALL_ATTRIBUTES)) {
            attributes = new LinkedHashSet<>(attrs.values());
            if (t.keys() != null) {
                addKeys(t.keys(), attributes);
            }
        }
        return new QueryFamily(rb.name(), q.name(), c.action(), c.resource(),
                attributes == null ? null : Set.copyOf(attributes), t.role(), rb.access().sessionTtl());
    }

    private static void addKeys(Target.KeySchema ks, Set<String> out) {
        out.add(ks.partition());
        if (ks.sort() != null) {
            out.add(ks.sort());
        }
        ks.indexes().values().forEach(i -> addKeys(i, out));
    }
}
