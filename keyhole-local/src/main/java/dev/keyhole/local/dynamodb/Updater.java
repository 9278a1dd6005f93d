package dev.keyhole.local.dynamodb;

import dev.keyhole.local.dynamodb.Ast.Action;
import dev.keyhole.local.dynamodb.Ast.Operand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a parsed update expression to an item. Every right-hand side is evaluated against the item
 * as it was before the update, as DynamoDB does.
 */
final class Updater {

    private Updater() {}

    static Map<String, Av> apply(List<Action> actions, Map<String, Av> old) {
        List<Av> values = new ArrayList<>(actions.size());
        for (Action a : actions) {
            values.add(switch (a.kind()) {
                case "SET" -> setValue(a.value(), old);
                case "ADD" -> add(Eval.resolve(a.path(), old), ((Ast.ValueOp) a.value()).value());
                case "DELETE" -> delete(Eval.resolve(a.path(), old), ((Ast.ValueOp) a.value()).value());
                default -> null;
            });
        }
        Map<String, Av> item = deepCopy(old);
        List<Action> removes = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            switch (a.kind()) {
                case "REMOVE" -> removes.add(a);
                case "DELETE" -> {
                    if (values.get(i) == null) remove(item, a.path());
                    else put(item, a.path(), values.get(i));
                }
                default -> put(item, a.path(), values.get(i));
            }
        }
        // Removing list elements from the highest index down keeps the lower indexes valid.
        removes.sort(Comparator.comparingInt((Action a) -> lastIndex(a.path())).reversed());
        for (Action a : removes) remove(item, a.path());
        return item;
    }

    private static int lastIndex(Path p) {
        Object last = p.elements().get(p.elements().size() - 1);
        return last instanceof Integer i ? i : -1;
    }

    private static DynamoDbException badType() {
        return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
    }

    private static Av setValue(Operand o, Map<String, Av> item) {
        return switch (o) {
            case Ast.ValueOp v -> v.value();
            case Ast.PathOp p -> {
                Av v = Eval.resolve(p.path(), item);
                if (v == null) {
                    throw DynamoDbException.validation("The provided expression refers to an attribute that does not exist in the item");
                }
                yield v;
            }
            case Ast.IfNotExists f -> {
                Av v = Eval.resolve(f.path(), item);
                yield v != null ? v : setValue(f.fallback(), item);
            }
            case Ast.ListAppend l -> {
                Av a = setValue(l.a(), item);
                Av b = setValue(l.b(), item);
                if (!(a instanceof Av.L x) || !(b instanceof Av.L y)) throw badType();
                List<Av> out = new ArrayList<>(x.v());
                out.addAll(y.v());
                yield new Av.L(out);
            }
            case Ast.Arith ar -> {
                Av a = setValue(ar.a(), item);
                Av b = setValue(ar.b(), item);
                if (!(a instanceof Av.N x) || !(b instanceof Av.N y)) throw badType();
                yield new Av.N(Numbers.check(ar.plus() ? x.v().add(y.v()) : x.v().subtract(y.v())));
            }
            case Ast.SizeOp s -> throw badType();
        };
    }

    private static String typeWord(Av v) {
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

    private static Av add(Av current, Av delta) {
        if (!(delta instanceof Av.N || delta instanceof Av.SS || delta instanceof Av.NS || delta instanceof Av.BS)) {
            throw DynamoDbException.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                    + "operator: ADD, operand type: " + typeWord(delta));
        }
        if (current == null) return delta;
        if (current instanceof Av.N a && delta instanceof Av.N b) return new Av.N(Numbers.check(a.v().add(b.v())));
        if (current instanceof Av.SS a && delta instanceof Av.SS b) {
            List<String> out = new ArrayList<>(a.v());
            for (String x : b.v()) if (!out.contains(x)) out.add(x);
            return new Av.SS(out);
        }
        if (current instanceof Av.NS a && delta instanceof Av.NS b) {
            List<BigDecimal> out = new ArrayList<>(a.v());
            for (BigDecimal x : b.v()) if (!out.contains(x)) out.add(x);
            return new Av.NS(out);
        }
        if (current instanceof Av.BS a && delta instanceof Av.BS b) {
            List<byte[]> out = new ArrayList<>(a.v());
            for (byte[] x : b.v()) if (!Av.BS.contains(out, x)) out.add(x);
            return new Av.BS(out);
        }
        throw badType();
    }

    /** The set after removing {@code delta}; null when it becomes empty (the attribute is removed). */
    private static Av delete(Av current, Av delta) {
        if (!(delta instanceof Av.SS || delta instanceof Av.NS || delta instanceof Av.BS)) {
            throw DynamoDbException.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                    + "operator: DELETE, operand type: " + typeWord(delta));
        }
        if (current == null) return null;
        if (current instanceof Av.SS a && delta instanceof Av.SS b) {
            List<String> out = new ArrayList<>(a.v());
            out.removeAll(b.v());
            return out.isEmpty() ? null : new Av.SS(out);
        }
        if (current instanceof Av.NS a && delta instanceof Av.NS b) {
            List<BigDecimal> out = new ArrayList<>(a.v());
            out.removeAll(b.v());
            return out.isEmpty() ? null : new Av.NS(out);
        }
        if (current instanceof Av.BS a && delta instanceof Av.BS b) {
            List<byte[]> out = new ArrayList<>();
            for (byte[] x : a.v()) if (!Av.BS.contains(b.v(), x)) out.add(x);
            return out.isEmpty() ? null : new Av.BS(out);
        }
        throw badType();
    }

    // ---- mutation of a private deep copy --------------------------------------------------------------

    static Map<String, Av> deepCopy(Map<String, Av> item) {
        Map<String, Av> out = new LinkedHashMap<>(item.size() * 2);
        item.forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    private static Av copy(Av v) {
        if (v instanceof Av.M m) return new Av.M(deepCopy(m.v()));
        if (v instanceof Av.L l) {
            List<Av> out = new ArrayList<>(l.v().size());
            l.v().forEach(x -> out.add(copy(x)));
            return new Av.L(out);
        }
        return v;
    }

    private static DynamoDbException invalidPath() {
        return DynamoDbException.validation("The document path provided in the update expression is invalid for update");
    }

    /** The container holding the last element of {@code path}, or null if a parent is missing. */
    private static Av parent(Map<String, Av> item, Path path) {
        List<Object> els = path.elements();
        Av cur = new Av.M(item);
        for (int i = 0; i < els.size() - 1; i++) {
            Object e = els.get(i);
            if (e instanceof Integer idx) {
                cur = cur instanceof Av.L l && idx < l.v().size() ? l.v().get(idx) : null;
            } else {
                cur = cur instanceof Av.M m ? m.v().get((String) e) : null;
            }
            if (cur == null) return null;
        }
        return cur;
    }

    private static void put(Map<String, Av> item, Path path, Av value) {
        Object last = path.elements().get(path.elements().size() - 1);
        Av parent = parent(item, path);
        if (last instanceof Integer idx && parent instanceof Av.L l) {
            if (idx < l.v().size()) l.v().set(idx, value);
            else l.v().add(value);
        } else if (last instanceof String name && parent instanceof Av.M m) {
            m.v().put(name, value);
        } else {
            throw invalidPath();
        }
    }

    private static void remove(Map<String, Av> item, Path path) {
        Object last = path.elements().get(path.elements().size() - 1);
        Av parent = parent(item, path);
        if (parent == null) return;
        if (last instanceof Integer idx && parent instanceof Av.L l) {
            if (idx < l.v().size()) l.v().remove((int) idx);
        } else if (last instanceof String name && parent instanceof Av.M m) {
            m.v().remove(name);
        } else {
            throw invalidPath();
        }
    }
}
