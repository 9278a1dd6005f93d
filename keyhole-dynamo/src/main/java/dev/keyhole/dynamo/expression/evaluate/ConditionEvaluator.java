package dev.keyhole.dynamo.expression.evaluate;

import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.value.AttributeValue;
import dev.keyhole.dynamo.value.KeyOrder;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Evaluates a resolved condition against an item with DynamoDB's semantics: a missing attribute makes
 * every comparison false except {@code <>}; ordering comparisons and {@code BETWEEN} hold only between
 * two strings, two numbers or two binaries; {@code =} and {@code <>} compare any types, different types
 * being unequal.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {}

    /** Whether {@code item} satisfies {@code condition}. */
    public static boolean test(Condition condition, Map<String, AttributeValue> item) {
        return switch (condition) {
            case Condition.Compare c -> compare(c, item);
            case Condition.Between b -> {
                AttributeValue v = value(b.value(), item);
                AttributeValue lo = value(b.lower(), item);
                AttributeValue hi = value(b.upper(), item);
                yield v != null && lo != null && hi != null && KeyOrder.comparable(v, lo) && KeyOrder.comparable(v, hi)
                        && KeyOrder.compare(lo, v) <= 0 && KeyOrder.compare(v, hi) <= 0;
            }
            case Condition.In in -> {
                AttributeValue v = value(in.value(), item);
                if (v == null) {
                    yield false;
                }
                for (Operand candidate : in.candidates()) {
                    if (v.equals(value(candidate, item))) {
                        yield true;
                    }
                }
                yield false;
            }
            case Condition.AttributeExists e -> DocumentPaths.get(item, e.path()) != null;
            case Condition.AttributeNotExists e -> DocumentPaths.get(item, e.path()) == null;
            case Condition.AttributeType t -> {
                AttributeValue v = DocumentPaths.get(item, t.path());
                yield v != null && value(t.type(), item) instanceof AttributeValue.S s && v.type().equals(s.value());
            }
            case Condition.BeginsWith b -> beginsWith(value(b.value(), item), value(b.prefix(), item));
            case Condition.Contains c -> contains(value(c.container(), item), value(c.element(), item));
            case Condition.And a -> test(a.left(), item) && test(a.right(), item);
            case Condition.Or o -> test(o.left(), item) || test(o.right(), item);
            case Condition.Not n -> !test(n.condition(), item);
        };
    }

    private static boolean compare(Condition.Compare c, Map<String, AttributeValue> item) {
        AttributeValue a = value(c.left(), item);
        AttributeValue b = value(c.right(), item);
        return switch (c.op()) {
            case EQ -> a != null && a.equals(b);
            case NE -> a == null || !a.equals(b);
            case LT -> ordered(a, b) && KeyOrder.compare(a, b) < 0;
            case LE -> ordered(a, b) && KeyOrder.compare(a, b) <= 0;
            case GT -> ordered(a, b) && KeyOrder.compare(a, b) > 0;
            case GE -> ordered(a, b) && KeyOrder.compare(a, b) >= 0;
        };
    }

    private static boolean ordered(AttributeValue a, AttributeValue b) {
        return a != null && b != null && KeyOrder.comparable(a, b);
    }

    private static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
        if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        return v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p && b.value().startsWith(p.value());
    }

    private static boolean contains(AttributeValue container, AttributeValue element) {
        if (container == null || element == null) {
            return false;
        }
        return switch (container) {
            case AttributeValue.S s -> element instanceof AttributeValue.S e && s.value().contains(e.value());
            case AttributeValue.SS ss -> element instanceof AttributeValue.S e && ss.values().contains(e.value());
            case AttributeValue.NS ns -> element instanceof AttributeValue.N e && ns.values().contains(e.value());
            case AttributeValue.BS bs -> element instanceof AttributeValue.B e && bs.values().contains(e.value());
            case AttributeValue.L l -> l.values().contains(element);
            // DynamoDB documents contains for strings, sets and lists only
            default -> false;
        };
    }

    /** The value an operand denotes in {@code item}, or {@code null} when it denotes nothing. */
    static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        return switch (operand) {
            case Operand.Path p -> DocumentPaths.get(item, p.path());
            case Operand.Value v -> v.value();
            case Operand.Size s -> size(value(s.argument(), item));
            case Operand.ValueRef r -> throw new IllegalStateException("condition is not resolved: " + r.placeholder());
            default -> throw new IllegalStateException("update operand in a condition: " + operand);
        };
    }

    /**
     * {@code size}: characters of a string (counted as code points; not verified against DynamoDB for
     * text outside the BMP), bytes of a binary, members of a set, elements of a list or map; nothing for
     * numbers, booleans and nulls, so a comparison with it is false.
     */
    private static AttributeValue size(AttributeValue v) {
        if (v == null) {
            return null;
        }
        long n = switch (v) {
            case AttributeValue.S s -> s.value().codePointCount(0, s.value().length());
            case AttributeValue.B b -> b.value().length();
            case AttributeValue.SS ss -> ss.values().size();
            case AttributeValue.NS ns -> ns.values().size();
            case AttributeValue.BS bs -> bs.values().size();
            case AttributeValue.L l -> l.values().size();
            case AttributeValue.M m -> m.values().size();
            default -> -1;
        };
        return n < 0 ? null : new AttributeValue.N(BigDecimal.valueOf(n));
    }
}
