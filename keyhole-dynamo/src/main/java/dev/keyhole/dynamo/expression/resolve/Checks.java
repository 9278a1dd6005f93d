package dev.keyhole.dynamo.expression.resolve;

import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.expression.ast.PathElement;
import dev.keyhole.dynamo.expression.ast.UpdateAction;
import dev.keyhole.dynamo.value.AttributeValue;
import dev.keyhole.dynamo.value.AttributeValueJson;
import dev.keyhole.dynamo.value.KeyOrder;
import java.util.List;
import java.util.Set;

/**
 * The checks DynamoDB makes once placeholders have values: operand types of functions and operators,
 * BETWEEN bounds, distinct operands, and overlapping document paths.
 */
final class Checks {

    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final Resolver resolver;

    Checks(Resolver resolver) {
        this.resolver = resolver;
    }

    void condition(Condition c) {
        switch (c) {
            case Condition.Compare x -> {
                operand(x.left());
                operand(x.right());
                distinct(x.op().symbol(), x.left(), x.right());
            }
            case Condition.Between x -> {
                operand(x.value());
                operand(x.lower());
                operand(x.upper());
                bounds(x.lower(), x.upper());
            }
            case Condition.In x -> {
                operand(x.value());
                x.candidates().forEach(this::operand);
            }
            case Condition.AttributeExists x -> { }
            case Condition.AttributeNotExists x -> { }
            case Condition.AttributeType x -> attributeType(x.type());
            case Condition.BeginsWith x -> {
                operand(x.value());
                operand(x.prefix());
                for (Operand o : List.of(x.value(), x.prefix())) {
                    if (o instanceof Operand.Value v && !(v.value() instanceof AttributeValue.S) && !(v.value() instanceof AttributeValue.B)) {
                        throw operandType("begins_with", v.value().type());
                    }
                }
                distinct("begins_with", x.value(), x.prefix());
            }
            case Condition.Contains x -> {
                operand(x.container());
                operand(x.element());
                distinct("contains", x.container(), x.element());
            }
            case Condition.And x -> {
                condition(x.left());
                condition(x.right());
            }
            case Condition.Or x -> {
                condition(x.left());
                condition(x.right());
            }
            case Condition.Not x -> condition(x.condition());
        }
    }

    void operand(Operand o) {
        switch (o) {
            case Operand.Size s -> {
                operand(s.argument());
                if (s.argument() instanceof Operand.Value v
                        && (v.value() instanceof AttributeValue.N || v.value() instanceof AttributeValue.BOOL
                        || v.value() instanceof AttributeValue.NULL)) {
                    throw operandType("size", v.value().type());
                }
            }
            case Operand.IfNotExists f -> operand(f.fallback());
            case Operand.ListAppend f -> {
                operand(f.first());
                operand(f.second());
                for (Operand arg : List.of(f.first(), f.second())) {
                    if (arg instanceof Operand.Value v && !(v.value() instanceof AttributeValue.L)) {
                        throw operandType("list_append", v.value().type());
                    }
                }
            }
            case Operand.Arithmetic a -> {
                operand(a.left());
                operand(a.right());
                for (Operand arg : List.of(a.left(), a.right())) {
                    if (arg instanceof Operand.Value v && !(v.value() instanceof AttributeValue.N)) {
                        throw operandType(a.plus() ? "+" : "-", v.value().type());
                    }
                }
            }
            default -> { }
        }
    }

    void update(List<UpdateAction> actions) {
        for (UpdateAction a : actions) {
            switch (a) {
                case UpdateAction.Set s -> operand(s.value());
                case UpdateAction.Remove r -> { }
                case UpdateAction.Add add -> {
                    AttributeValue v = ((Operand.Value) add.value()).value();
                    if (!(v instanceof AttributeValue.N || isSet(v))) {
                        throw resolver.invalid("Incorrect operand type for operator or function; operator: ADD, operand type: " + typeWord(v));
                    }
                }
                case UpdateAction.Delete d -> {
                    AttributeValue v = ((Operand.Value) d.value()).value();
                    if (!isSet(v)) {
                        throw resolver.invalid("Incorrect operand type for operator or function; operator: DELETE, operand type: " + typeWord(v));
                    }
                }
            }
        }
        paths(actions.stream().map(UpdateAction::path).toList());
    }

    /**
     * Refuses two paths where one is a prefix of the other (overlap) or where they part at a map key
     * against a list index (conflict). DynamoDB reports an overlap before a conflict.
     */
    void paths(List<DocumentPath> paths) {
        String conflict = null;
        for (int j = 1; j < paths.size(); j++) {
            for (int i = 0; i < j; i++) {
                DocumentPath one = paths.get(i);
                DocumentPath two = paths.get(j);
                int relation = relation(one, two);
                String pair = "must remove or rewrite one of these paths; path one: " + one.describe() + ", path two: " + two.describe();
                if (relation == OVERLAP) {
                    throw resolver.invalid("Two document paths overlap with each other; " + pair);
                }
                if (relation == CONFLICT && conflict == null) {
                    conflict = "Two document paths conflict with each other; " + pair;
                }
            }
        }
        if (conflict != null) {
            throw resolver.invalid(conflict);
        }
    }

    private static final int DISJOINT = 0;
    private static final int OVERLAP = 1;
    private static final int CONFLICT = 2;

    private static int relation(DocumentPath a, DocumentPath b) {
        int n = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < n; i++) {
            PathElement x = a.elements().get(i);
            PathElement y = b.elements().get(i);
            if (x.getClass() != y.getClass()) {
                return CONFLICT;
            }
            if (!x.equals(y)) {
                return DISJOINT;
            }
        }
        return OVERLAP;
    }

    private void attributeType(Operand type) {
        operand(type);
        if (type instanceof Operand.Value v) {
            if (!(v.value() instanceof AttributeValue.S s)) {
                throw operandType("attribute_type", v.value().type());
            }
            if (!TYPE_NAMES.contains(s.value())) {
                throw resolver.invalid("Invalid attribute type name found; type: " + s.value()
                        + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
        } else {
            throw operandType("attribute_type", "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
        }
    }

    private void bounds(Operand lower, Operand upper) {
        if (!(lower instanceof Operand.Value lo) || !(upper instanceof Operand.Value hi)) {
            return;
        }
        if (!lo.value().type().equals(hi.value().type())) {
            throw resolver.invalid("The BETWEEN operator requires same data type for lower and upper bounds; "
                    + "lower bound operand: AttributeValue: " + brief(lo.value()) + ", upper bound operand: AttributeValue: " + brief(hi.value()));
        }
        if (KeyOrder.comparable(lo.value(), hi.value()) && KeyOrder.compare(lo.value(), hi.value()) > 0) {
            throw resolver.invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                    + "lower bound operand: AttributeValue: " + brief(lo.value()) + ", upper bound operand: AttributeValue: " + brief(hi.value()));
        }
    }

    private void distinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.Path a && second instanceof Operand.Path b && a.path().equals(b.path())) {
            throw resolver.invalid("The first operand must be distinct from the remaining operands for this operator or function; "
                    + "operator: " + operator + ", first operand: " + a.path().describe());
        }
    }

    private RuntimeException operandType(String function, String type) {
        return resolver.invalid("Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type);
    }

    /** DynamoDB's short form of a scalar in messages: {@code {S:a}}, {@code {N:1}}. */
    static String brief(AttributeValue v) {
        return switch (v) {
            case AttributeValue.S s -> "{S:" + s.value() + "}";
            case AttributeValue.N n -> "{N:" + n.text() + "}";
            case AttributeValue.B b -> "{B:" + b.value().toBase64() + "}";
            default -> AttributeValueJson.toJson(v); // wording not verified for non-scalar bounds
        };
    }

    private static boolean isSet(AttributeValue v) {
        return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
    }

    private static String typeWord(AttributeValue v) {
        return switch (v.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> v.type();
        };
    }
}
