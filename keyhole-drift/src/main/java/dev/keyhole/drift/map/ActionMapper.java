package dev.keyhole.drift.map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.drift.trail.TrailEvent;
import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IAM authorizations one DynamoDB CloudTrail event needed, as DynamoDB checks them: classic
 * calls through keyhole-dynamo's {@link DynamoIam#derive} (a transaction becomes its item actions with
 * {@code dynamodb:EnclosingOperation}, a batch one check per table), PartiQL statements their
 * {@code PartiQL*} action on the named table or index.
 *
 * <p>When CloudTrail left out the parameters (some failed calls) the check is the event's action on
 * {@code *}: drift then knows the action but not the table.
 */
public final class ActionMapper {

    /** Beyond this many distinct calls the cache starts over, so memory stays bounded on any trail. */
    private static final int CACHE_LIMIT = 50_000;

    private final KeySchemaLookup schemas;
    // CloudTrail leaves attribute values out of classic calls, so calls of one shape repeat word for word:
    // most events are answered from here.
    private final Map<CallKey, List<IamCheck>> cache = new ConcurrentHashMap<>();

    private record CallKey(String name, String region, String account, String params) {}

    /** Maps with key schemas known from runbooks, for {@code dynamodb:LeadingKeys}. */
    public ActionMapper(KeySchemaLookup schemas) {
        this.schemas = schemas;
    }

    /** The checks for {@code e}, at least one. */
    public List<IamCheck> checks(TrailEvent e) {
        CallKey key = new CallKey(e.name(), e.region(), e.account(), e.requestParameters());
        List<IamCheck> hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        List<IamCheck> out = compute(e);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, out);
        return out;
    }

    private List<IamCheck> compute(TrailEvent e) {
        JsonNode params = e.parameters();
        String region = e.region() == null ? "*" : e.region();
        String account = e.account() == null ? "*" : e.account();
        List<IamCheck> out = switch (e.name() == null ? "" : e.name()) {
            case "ExecuteStatement" -> partiQl(List.of(field(params, "statement")), region, account);
            case "BatchExecuteStatement" -> partiQl(statements(params, "statements"), region, account);
            case "ExecuteTransaction" -> partiQl(statements(params, "transactStatements"), region, account);
            default -> classic(e.name(), params, region, account);
        };
        return out.isEmpty() ? List.of(new IamCheck("dynamodb:" + e.name(), "*", Map.of())) : out;
    }

    private List<IamCheck> classic(String operation, JsonNode params, String region, String account) {
        if (params == null && !"ListTables".equals(operation)) {
            return List.of();
        }
        try {
            List<IamCheck> derived = DynamoIam.derive(operation, ApiShape.request(params), region, account, schemas);
            List<IamCheck> out = new ArrayList<>(derived.size());
            for (IamCheck c : derived) {
                out.add(c.resource().endsWith(":table/") ? new IamCheck(c.action(), "*", c.keys()) : c);
            }
            return out;
        } catch (RuntimeException ex) {
            // A shape keyhole-dynamo does not expect: keep the action, lose the details.
            return List.of();
        }
    }

    private static List<IamCheck> partiQl(List<String> statements, String region, String account) {
        List<IamCheck> out = new ArrayList<>();
        for (String s : statements) {
            PartiQl.of(s).ifPresent(q -> {
                String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + q.table()
                        + (q.index() == null ? "" : "/index/" + q.index());
                out.add(new IamCheck(q.action(), arn, Map.of()));
            });
        }
        return out;
    }

    private static List<String> statements(JsonNode params, String member) {
        List<String> out = new ArrayList<>();
        JsonNode list = JsonMembers.member(params, member);
        if (list != null && list.isArray()) {
            list.forEach(s -> out.add(field(s, "statement")));
        }
        return out;
    }

    private static String field(JsonNode node, String member) {
        JsonNode v = JsonMembers.member(node, member);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
