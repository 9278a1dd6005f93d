package dev.keyhole.dynamo.expression.evaluate;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.expression.ast.PathElement;
import dev.keyhole.dynamo.expression.ast.UpdateAction;
import dev.keyhole.dynamo.expression.ast.UpdateExpression;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Applies a resolved update expression to an item (an empty map for an item that does not exist yet)
 * with DynamoDB's semantics, returning the new item and leaving the given one untouched.
 *
 * <p>Every operand is read from the item as it was before the update, so actions do not see each
 * other. SET, ADD and DELETE apply in written order; REMOVEs come last, deepest and highest list index
 * first, so {@code REMOVE a[1], a[2]} removes the two elements the text names. A DELETE that empties a
 * set removes the attribute.
 */
public final class Updater {

    private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    private static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    private Updater() {}

    /** The item after {@code update}. */
    public static Map<String, AttributeValue> apply(UpdateExpression update, Map<String, AttributeValue> item) {
        List<DocumentPath> paths = new ArrayList<>();
        List<UnaryOperator<AttributeValue>> changes = new ArrayList<>();
        List<DocumentPath> removals = new ArrayList<>();
        for (UpdateAction action : update.actions()) {
            switch (action) {
                case UpdateAction.Set s -> {
                    AttributeValue value = evaluate(s.value(), item);
                    paths.add(s.path());
                    changes.add(old -> value);
                }
                case UpdateAction.Add a -> {
                    AttributeValue result = add(DocumentPaths.get(item, a.path()), operandValue(a.value()));
                    paths.add(a.path());
                    changes.add(old -> result);
                }
                case UpdateAction.Delete d -> {
                    AttributeValue result = delete(DocumentPaths.get(item, d.path()), operandValue(d.value()));
                    paths.add(d.path());
                    changes.add(old -> result);
                }
                case UpdateAction.Remove r -> removals.add(r.path());
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        for (int i = 0; i < paths.size(); i++) {
            modify(out, paths.get(i), changes.get(i));
        }
        removals.sort(Updater::descending);
        for (DocumentPath path : removals) {
            modify(out, path, old -> null);
        }
        return out;
    }

    private static AttributeValue operandValue(Operand operand) {
        if (operand instanceof Operand.Value v) {
            return v.value();
        }
        throw new IllegalStateException("update expression is not resolved: " + operand);
    }

    private static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> item) {
        return switch (operand) {
            case Operand.Value v -> v.value();
            case Operand.Path p -> {
                AttributeValue v = DocumentPaths.get(item, p.path());
                if (v == null) {
                    throw DynamoValidationException.validation("The provided expression refers to an attribute that does not exist in the item");
                }
                yield v;
            }
            case Operand.IfNotExists f -> {
                AttributeValue v = DocumentPaths.get(item, f.path());
                yield v != null ? v : evaluate(f.fallback(), item);
            }
            case Operand.ListAppend f -> {
                AttributeValue a = evaluate(f.first(), item);
                AttributeValue b = evaluate(f.second(), item);
                if (!(a instanceof AttributeValue.L la) || !(b instanceof AttributeValue.L lb)) {
                    throw DynamoValidationException.validation(WRONG_TYPE);
                }
                List<AttributeValue> joined = new ArrayList<>(la.values().size() + lb.values().size());
                joined.addAll(la.values());
                joined.addAll(lb.values());
                yield new AttributeValue.L(joined);
            }
            case Operand.Arithmetic a -> {
                AttributeValue l = evaluate(a.left(), item);
                AttributeValue r = evaluate(a.right(), item);
                if (!(l instanceof AttributeValue.N ln) || !(r instanceof AttributeValue.N rn)) {
                    throw DynamoValidationException.validation(WRONG_TYPE);
                }
                yield new AttributeValue.N(a.plus() ? ln.value().add(rn.value()) : ln.value().subtract(rn.value()));
            }
            default -> throw new IllegalStateException("not an update operand: " + operand);
        };
    }

    private static AttributeValue add(AttributeValue old, AttributeValue delta) {
        if (old == null) {
            return delta;
        }
        return switch (delta) {
            case AttributeValue.N d when old instanceof AttributeValue.N o -> new AttributeValue.N(o.value().add(d.value()));
            case AttributeValue.SS d when old instanceof AttributeValue.SS o -> new AttributeValue.SS(union(o.values(), d.values()));
            case AttributeValue.NS d when old instanceof AttributeValue.NS o -> new AttributeValue.NS(union(o.values(), d.values()));
            case AttributeValue.BS d when old instanceof AttributeValue.BS o -> new AttributeValue.BS(union(o.values(), d.values()));
            default -> throw DynamoValidationException.validation(WRONG_TYPE);
        };
    }

    private static AttributeValue delete(AttributeValue old, AttributeValue delta) {
        if (old == null) {
            return null;
        }
        Set<?> left = switch (delta) {
            case AttributeValue.SS d when old instanceof AttributeValue.SS o -> minus(o.values(), d.values());
            case AttributeValue.NS d when old instanceof AttributeValue.NS o -> minus(o.values(), d.values());
            case AttributeValue.BS d when old instanceof AttributeValue.BS o -> minus(o.values(), d.values());
            default -> throw DynamoValidationException.validation(WRONG_TYPE);
        };
        if (left.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        AttributeValue result = switch (old) {
            case AttributeValue.SS o -> new AttributeValue.SS((Set<String>) left);
            case AttributeValue.NS o -> new AttributeValue.NS((Set<java.math.BigDecimal>) left);
            default -> new AttributeValue.BS((Set<dev.keyhole.dynamo.value.Bytes>) left);
        };
        return result;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    /**
     * Replaces the value at {@code path} in {@code item} by {@code change(old)}; {@code null} removes it.
     * Every step before the last must exist with the right type (a map for a name, a list for an index).
     */
    private static void modify(Map<String, AttributeValue> item, DocumentPath path, UnaryOperator<AttributeValue> change) {
        List<PathElement> elements = path.elements();
        String top = DocumentPaths.name(elements.getFirst());
        if (elements.size() == 1) {
            put(item, top, change.apply(item.get(top)));
            return;
        }
        AttributeValue child = item.get(top);
        if (child == null) {
            throw DynamoValidationException.validation(INVALID_PATH);
        }
        put(item, top, modifyIn(child, elements, 1, change));
    }

    private static AttributeValue modifyIn(AttributeValue container, List<PathElement> elements, int i, UnaryOperator<AttributeValue> change) {
        boolean last = i == elements.size() - 1;
        PathElement element = elements.get(i);
        if (element instanceof PathElement.Name n && container instanceof AttributeValue.M m) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
            AttributeValue old = copy.get(n.name());
            if (!last && old == null) {
                throw DynamoValidationException.validation(INVALID_PATH);
            }
            put(copy, n.name(), last ? change.apply(old) : modifyIn(old, elements, i + 1, change));
            return new AttributeValue.M(copy);
        }
        if (element instanceof PathElement.Index x && container instanceof AttributeValue.L l) {
            List<AttributeValue> copy = new ArrayList<>(l.values());
            boolean present = x.index() < copy.size();
            if (!last && !present) {
                throw DynamoValidationException.validation(INVALID_PATH);
            }
            AttributeValue updated = last ? change.apply(present ? copy.get(x.index()) : null)
                    : modifyIn(copy.get(x.index()), elements, i + 1, change);
            if (updated == null) {
                if (present) {
                    copy.remove(x.index());
                }
            } else if (present) {
                copy.set(x.index(), updated);
            } else {
                copy.add(updated); // DynamoDB appends when the index is past the end
            }
            return new AttributeValue.L(copy);
        }
        throw DynamoValidationException.validation(INVALID_PATH);
    }

    private static void put(Map<String, AttributeValue> map, String key, AttributeValue value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /** Orders paths so that later elements of a list, and deeper paths, come first. */
    private static int descending(DocumentPath a, DocumentPath b) {
        List<PathElement> x = a.elements();
        List<PathElement> y = b.elements();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = compare(x.get(i), y.get(i));
            if (c != 0) {
                return -c;
            }
        }
        return Integer.compare(y.size(), x.size());
    }

    private static int compare(PathElement a, PathElement b) {
        if (a instanceof PathElement.Index x && b instanceof PathElement.Index y) {
            return Integer.compare(x.index(), y.index());
        }
        return Comparator.<String>naturalOrder().compare(a.toString(), b.toString());
    }
}
