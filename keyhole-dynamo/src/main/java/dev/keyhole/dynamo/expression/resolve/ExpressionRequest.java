package dev.keyhole.dynamo.expression.resolve;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.ProjectionExpression;
import dev.keyhole.dynamo.expression.ast.UpdateAction;
import dev.keyhole.dynamo.expression.ast.UpdateExpression;
import dev.keyhole.dynamo.expression.parse.ExpressionParser;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The expressions of one DynamoDB request sharing one {@code ExpressionAttributeNames} and one
 * {@code ExpressionAttributeValues}: resolves each expression against them and, once all are resolved,
 * refuses placeholders no expression used, as DynamoDB checks across the whole request.
 *
 * <p>Use {@link #prepare} for a request's expressions at once, or resolve them one by one (with text,
 * or with an AST parsed once earlier) and finish with {@link #checkAllUsed()}. Not thread-safe; one per
 * request.
 */
public final class ExpressionRequest {

    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    private ExpressionRequest(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Starts a request. {@code null} means the parameter was absent; a present but empty map, or a key
     * that is not a placeholder, is refused as DynamoDB refuses it.
     */
    public static ExpressionRequest of(Map<String, String> names, Map<String, AttributeValue> values) {
        checkKeys("ExpressionAttributeNames", names, NAME_KEY);
        checkKeys("ExpressionAttributeValues", values, VALUE_KEY);
        return new ExpressionRequest(names == null ? Map.of() : names, values == null ? Map.of() : values);
    }

    /**
     * Parses, resolves and checks every expression a request carries, in the order DynamoDB reports
     * their errors, then refuses unused names and values.
     *
     * @param texts expression text by kind; kinds the request does not carry are absent
     */
    public static PreparedExpressions prepare(Map<String, String> names, Map<String, AttributeValue> values,
                                              Map<ExpressionKind, String> texts) {
        ExpressionRequest request = of(names, values);
        Map<ExpressionKind, Object> out = new EnumMap<>(ExpressionKind.class);
        for (ExpressionKind kind : new ExpressionKind[] {ExpressionKind.UPDATE, ExpressionKind.KEY_CONDITION,
                ExpressionKind.FILTER, ExpressionKind.CONDITION, ExpressionKind.PROJECTION}) {
            String text = texts.get(kind);
            if (text == null) {
                continue;
            }
            out.put(kind, switch (kind) {
                case UPDATE -> request.update(text);
                case PROJECTION -> request.projection(text);
                default -> request.condition(kind, text);
            });
        }
        request.checkAllUsed();
        return new PreparedExpressions((Condition) out.get(ExpressionKind.KEY_CONDITION),
                (Condition) out.get(ExpressionKind.FILTER), (Condition) out.get(ExpressionKind.CONDITION),
                (ProjectionExpression) out.get(ExpressionKind.PROJECTION), (UpdateExpression) out.get(ExpressionKind.UPDATE));
    }

    /** Parses and resolves a key condition, filter or condition expression. */
    public Condition condition(ExpressionKind kind, String text) {
        return condition(kind, ExpressionParser.condition(kind, text));
    }

    /** Resolves an already parsed condition of {@code kind}. */
    public Condition condition(ExpressionKind kind, Condition parsed) {
        Resolver resolver = resolver(kind);
        Condition resolved = resolver.condition(parsed);
        new Checks(resolver).condition(resolved);
        return resolved;
    }

    /** Parses and resolves a projection expression. */
    public ProjectionExpression projection(String text) {
        return projection(ExpressionParser.projection(text));
    }

    /** Resolves an already parsed projection expression. */
    public ProjectionExpression projection(ProjectionExpression parsed) {
        Resolver resolver = resolver(ExpressionKind.PROJECTION);
        ProjectionExpression resolved = new ProjectionExpression(parsed.paths().stream().map(resolver::path).toList());
        new Checks(resolver).paths(resolved.paths());
        return resolved;
    }

    /** Parses and resolves an update expression. */
    public UpdateExpression update(String text) {
        return update(ExpressionParser.update(text));
    }

    /** Resolves an already parsed update expression. */
    public UpdateExpression update(UpdateExpression parsed) {
        Resolver resolver = resolver(ExpressionKind.UPDATE);
        UpdateExpression resolved = new UpdateExpression(parsed.actions().stream().map(a -> switch (a) {
            case UpdateAction.Set s ->
                    (UpdateAction) new UpdateAction.Set(resolver.path(s.path()), resolver.operand(s.value()));
            case UpdateAction.Remove r ->
                    new UpdateAction.Remove(resolver.path(r.path()));
            case UpdateAction.Add x ->
                    new UpdateAction.Add(resolver.path(x.path()), resolver.operand(x.value()));
            case UpdateAction.Delete x ->
                    new UpdateAction.Delete(resolver.path(x.path()), resolver.operand(x.value()));
        }).toList());
        new Checks(resolver).update(resolved.actions());
        return resolved;
    }

    /** Refuses names, then values, that no resolved expression used, with DynamoDB's message. */
    public void checkAllUsed() {
        unused("ExpressionAttributeNames", names.keySet(), usedNames);
        unused("ExpressionAttributeValues", values.keySet(), usedValues);
    }

    private Resolver resolver(ExpressionKind kind) {
        return new Resolver(kind, names, values, usedNames, usedValues);
    }

    private static void unused(String parameter, Set<String> given, Set<String> used) {
        StringJoiner keys = new StringJoiner(", ", "{", "}");
        for (String key : given) {
            if (!used.contains(key)) {
                keys.add(key);
            }
        }
        if (keys.length() > 2) {
            throw DynamoValidationException.validation("Value provided in " + parameter + " unused in expressions: keys: " + keys);
        }
    }

    private static void checkKeys(String parameter, Map<String, ?> map, Pattern key) {
        if (map == null) {
            return;
        }
        if (map.isEmpty()) {
            throw DynamoValidationException.validation(parameter + " must not be empty");
        }
        for (String k : map.keySet()) {
            if (!key.matcher(k).matches()) {
                throw DynamoValidationException.validation(parameter + " contains invalid key: Syntax error; key: \"" + k + "\"");
            }
        }
    }
}
