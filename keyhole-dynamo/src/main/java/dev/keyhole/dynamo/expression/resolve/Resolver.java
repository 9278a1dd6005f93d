package dev.keyhole.dynamo.expression.resolve;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.expression.ast.PathElement;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces placeholders in one expression with what the request maps them to, recording which ones
 * were used. An undefined placeholder is refused with DynamoDB's message the moment it is met, so the
 * first one in the text is reported.
 */
final class Resolver {

    private final ExpressionKind kind;
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames;
    private final Set<String> usedValues;

    Resolver(ExpressionKind kind, Map<String, String> names, Map<String, AttributeValue> values,
             Set<String> usedNames, Set<String> usedValues) {
        this.kind = kind;
        this.names = names;
        this.values = values;
        this.usedNames = usedNames;
        this.usedValues = usedValues;
    }

    DynamoValidationException invalid(String message) {
        return DynamoValidationException.validation("Invalid " + kind.parameter() + ": " + message);
    }

    Condition condition(Condition c) {
        return switch (c) {
            case Condition.Compare x -> new Condition.Compare(x.op(), operand(x.left()), operand(x.right()));
            case Condition.Between x -> new Condition.Between(operand(x.value()), operand(x.lower()), operand(x.upper()));
            case Condition.In x -> {
                Operand value = operand(x.value());
                List<Operand> candidates = new ArrayList<>(x.candidates().size());
                for (Operand o : x.candidates()) {
                    candidates.add(operand(o));
                }
                yield new Condition.In(value, candidates);
            }
            case Condition.AttributeExists x -> new Condition.AttributeExists(path(x.path()));
            case Condition.AttributeNotExists x -> new Condition.AttributeNotExists(path(x.path()));
            case Condition.AttributeType x -> new Condition.AttributeType(path(x.path()), operand(x.type()));
            case Condition.BeginsWith x -> new Condition.BeginsWith(operand(x.value()), operand(x.prefix()));
            case Condition.Contains x -> new Condition.Contains(operand(x.container()), operand(x.element()));
            case Condition.And x -> new Condition.And(condition(x.left()), condition(x.right()));
            case Condition.Or x -> new Condition.Or(condition(x.left()), condition(x.right()));
            case Condition.Not x -> new Condition.Not(condition(x.condition()));
        };
    }

    Operand operand(Operand o) {
        return switch (o) {
            case Operand.Path p -> new Operand.Path(path(p.path()));
            case Operand.ValueRef r -> new Operand.Value(value(r.placeholder()), r.placeholder());
            case Operand.Value v -> v;
            case Operand.Size s -> new Operand.Size(operand(s.argument()));
            case Operand.IfNotExists f -> new Operand.IfNotExists(path(f.path()), operand(f.fallback()));
            case Operand.ListAppend f -> new Operand.ListAppend(operand(f.first()), operand(f.second()));
            case Operand.Arithmetic a -> new Operand.Arithmetic(operand(a.left()), a.plus(), operand(a.right()));
        };
    }

    DocumentPath path(DocumentPath path) {
        boolean placeholders = false;
        for (PathElement e : path.elements()) {
            placeholders |= e instanceof PathElement.NameRef;
        }
        if (!placeholders) {
            return path;
        }
        List<PathElement> out = new ArrayList<>(path.elements().size());
        for (PathElement e : path.elements()) {
            out.add(e instanceof PathElement.NameRef r ? new PathElement.Name(name(r.placeholder())) : e);
        }
        return new DocumentPath(out);
    }

    private String name(String placeholder) {
        String name = names.get(placeholder);
        if (name == null) {
            throw invalid("An expression attribute name used in the document path is not defined; attribute name: " + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    private AttributeValue value(String placeholder) {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw invalid("An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }
}
