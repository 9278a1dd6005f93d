package dev.keyhole.local.dynamodb;

import dev.keyhole.local.dynamodb.Ast.Cond;
import dev.keyhole.local.dynamodb.Ast.Operand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Evaluates parsed conditions and projections against one item. */
final class Eval {

    private Eval() {}

    /** The value at {@code path}, or null when any step is missing or of the wrong kind. */
    static Av resolve(Path path, Map<String, Av> item) {
        List<Object> els = path.elements();
        Av cur = item.get((String) els.get(0));
        for (int i = 1; i < els.size() && cur != null; i++) {
            Object e = els.get(i);
            if (e instanceof Integer idx) {
                cur = cur instanceof Av.L l && idx < l.v().size() ? l.v().get(idx) : null;
            } else {
                cur = cur instanceof Av.M m ? m.v().get((String) e) : null;
            }
        }
        return cur;
    }

    static boolean test(Cond c, Map<String, Av> item) {
        return switch (c) {
            case Ast.And a -> test(a.a(), item) && test(a.b(), item);
            case Ast.Or o -> test(o.a(), item) || test(o.b(), item);
            case Ast.Not n -> !test(n.a(), item);
            case Ast.Compare cmp -> compare(cmp.op(), value(cmp.a(), item), value(cmp.b(), item));
            case Ast.Between b -> {
                Av v = value(b.a(), item);
                yield compare(">=", v, value(b.lo(), item)) && compare("<=", v, value(b.hi(), item));
            }
            case Ast.In in -> {
                Av v = value(in.a(), item);
                if (v == null) yield false;
                for (Operand o : in.options()) if (v.equals(value(o, item))) yield true;
                yield false;
            }
            case Ast.Func f -> function(f, item);
        };
    }

    static Av value(Operand o, Map<String, Av> item) {
        return switch (o) {
            case Ast.PathOp p -> resolve(p.path(), item);
            case Ast.ValueOp v -> v.value();
            case Ast.SizeOp s -> {
                Av v = resolve(s.path(), item);
                Integer n = switch (v) {
                    case null -> null;
                    case Av.S x -> Av.utf8Length(x.v());
                    case Av.B x -> x.v().length;
                    case Av.SS x -> x.v().size();
                    case Av.NS x -> x.v().size();
                    case Av.BS x -> x.v().size();
                    case Av.L x -> x.v().size();
                    case Av.M x -> x.v().size();
                    default -> null;
                };
                yield n == null ? null : new Av.N(BigDecimal.valueOf(n));
            }
            default -> throw new IllegalStateException("update operand in a condition");
        };
    }

    static boolean compare(String op, Av a, Av b) {
        if (op.equals("<>")) return a == null || b == null ? a != b : !a.equals(b);
        if (a == null || b == null) return false;
        if (op.equals("=")) return a.equals(b);
        if (!a.type().equals(b.type()) || !Av.isScalarKeyType(a)) return false;
        int c = Av.compareScalars(a, b);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> false;
        };
    }

    private static boolean function(Ast.Func f, Map<String, Av> item) {
        Av a = value(f.args().get(0), item);
        switch (f.name()) {
            case "attribute_exists": return a != null;
            case "attribute_not_exists": return a == null;
            default: break;
        }
        Av b = value(f.args().get(1), item);
        if (a == null || b == null) return false;
        return switch (f.name()) {
            case "attribute_type" -> b instanceof Av.S s && a.type().equals(s.v());
            case "begins_with" -> {
                if (a instanceof Av.S x && b instanceof Av.S y) yield x.v().startsWith(y.v());
                if (a instanceof Av.B x && b instanceof Av.B y) {
                    yield x.v().length >= y.v().length && Arrays.equals(x.v(), 0, y.v().length, y.v(), 0, y.v().length);
                }
                yield false;
            }
            case "contains" -> contains(a, b);
            default -> false;
        };
    }

    private static boolean contains(Av a, Av b) {
        return switch (a) {
            case Av.S x -> b instanceof Av.S y && x.v().contains(y.v());
            case Av.B x -> b instanceof Av.B y && indexOf(x.v(), y.v()) >= 0;
            case Av.SS x -> b instanceof Av.S y && x.v().contains(y.v());
            case Av.NS x -> b instanceof Av.N y && x.v().contains(y.v());
            case Av.BS x -> b instanceof Av.B y && Av.BS.contains(x.v(), y.v());
            case Av.L x -> x.v().contains(b);
            default -> false;
        };
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    // ---- projection ---------------------------------------------------------------------------------

    /** The item reduced to {@code paths}; nested paths keep their structure, list elements keep their order. */
    static Map<String, Av> project(Map<String, Av> item, List<Path> paths) {
        Map<String, Object> root = new LinkedHashMap<>();
        boolean nested = false;
        for (Path p : paths) {
            if (p.isTop()) {
                Av v = item.get(p.top());
                if (v != null) root.put(p.top(), v);
                continue;
            }
            nested = true;
            Av v = resolve(p, item);
            if (v == null) continue;
            Object node = root;
            List<Object> els = p.elements();
            for (int i = 0; i < els.size(); i++) {
                boolean last = i == els.size() - 1;
                Object key = els.get(i);
                @SuppressWarnings("unchecked")
                Map<Object, Object> m = (Map<Object, Object>) node;
                if (last) {
                    m.put(key, v);
                } else {
                    Object child = m.get(key);
                    if (child == null) {
                        child = els.get(i + 1) instanceof Integer ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
                        m.put(key, child);
                    }
                    node = child;
                }
            }
        }
        if (!nested) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map<String, Av> flat = (Map) root;
            return flat;
        }
        Map<String, Av> out = new LinkedHashMap<>();
        root.forEach((k, v) -> out.put(k, build(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Av build(Object node) {
        if (node instanceof Av av) return av;
        if (node instanceof TreeMap<?, ?> list) {
            List<Av> out = new ArrayList<>();
            ((TreeMap<Integer, Object>) list).values().forEach(x -> out.add(build(x)));
            return new Av.L(out);
        }
        Map<String, Av> out = new LinkedHashMap<>();
        ((Map<String, Object>) node).forEach((k, v) -> out.put(k, build(v)));
        return new Av.M(out);
    }
}
