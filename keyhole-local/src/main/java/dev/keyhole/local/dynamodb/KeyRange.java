package dev.keyhole.local.dynamodb;

import dev.keyhole.local.dynamodb.Ast.Cond;
import dev.keyhole.local.dynamodb.Ast.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's key condition reduced to what the read needs: the partition key value and an optional
 * sort key condition ({@code =, <, <=, >, >=, BETWEEN, begins_with}).
 */
record KeyRange(Av hashValue, String sortName, String op, Av lo, Av hi) {

    private static DynamoDbException invalid(String message) {
        return DynamoDbException.validation(message);
    }

    static KeyRange of(Cond cond, String hash, String range, java.util.Map<String, String> types) {
        List<Cond> parts = new ArrayList<>();
        flatten(cond, parts);
        if (parts.size() > 2) throw invalid("Conditions can be of length 1 or 2 only");
        Av hashValue = null;
        String op = null;
        Av lo = null;
        Av hi = null;
        String seenRange = null;
        for (Cond c : parts) {
            String attr;
            String cop;
            Av a;
            Av b = null;
            switch (c) {
                case Ast.Compare cmp -> {
                    if (cmp.a() instanceof Ast.PathOp p && cmp.b() instanceof Ast.ValueOp v) {
                        attr = name(p);
                        cop = cmp.op();
                        a = v.value();
                    } else if (cmp.b() instanceof Ast.PathOp p && cmp.a() instanceof Ast.ValueOp v) {
                        attr = name(p);
                        cop = flip(cmp.op());
                        a = v.value();
                    } else {
                        throw invalid("Invalid KeyConditionExpression: The expression has no attribute name; operator: " + cmp.op()); // wording not verified
                    }
                    if (cop.equals("<>")) {
                        throw invalid("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: <>");
                    }
                }
                case Ast.Between bt -> {
                    if (!(bt.a() instanceof Ast.PathOp p) || !(bt.lo() instanceof Ast.ValueOp l) || !(bt.hi() instanceof Ast.ValueOp h)) {
                        throw invalid("Query key condition not supported");
                    }
                    attr = name(p);
                    cop = "BETWEEN";
                    a = l.value();
                    b = h.value();
                }
                case Ast.Func f when f.name().equals("begins_with") -> {
                    if (!(f.args().get(0) instanceof Ast.PathOp p) || !(f.args().get(1) instanceof Ast.ValueOp v)) {
                        throw invalid("Query key condition not supported");
                    }
                    attr = name(p);
                    cop = "begins_with";
                    a = v.value();
                }
                case Ast.Func f -> throw invalid("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: " + f.name());
                case Ast.In in -> throw invalid("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: IN");
                case Ast.Or or -> throw invalid("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR");
                case Ast.Not not -> throw invalid("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: NOT");
                case Ast.And and -> throw new IllegalStateException();
            }
            if (attr == null) throw invalid("Query key condition not supported");
            if (attr.equals(hash)) {
                if (!cop.equals("=")) throw invalid("Query key condition not supported");
                if (hashValue != null) throw invalid("KeyConditionExpressions must only contain one condition per key");
                hashValue = typed(a, types.get(hash));
            } else if (attr.equals(range)) {
                if (seenRange != null) throw invalid("KeyConditionExpressions must only contain one condition per key");
                seenRange = attr;
                op = cop;
                lo = typed(a, types.get(range));
                hi = b == null ? null : typed(b, types.get(range));
                if (cop.equals("begins_with") && lo instanceof Av.N) {
                    throw invalid("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                            + "operator or function: begins_with, operand type: N");
                }
                if (hi != null && Av.compareScalars(lo, hi) > 0) {
                    throw invalid("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than "
                            + "or equal to lower bound; lower operand: AttributeValue: {" + lo.type() + ":" + lo.toJson().get(lo.type()).asText()
                            + "}, upper operand: AttributeValue: {" + hi.type() + ":" + hi.toJson().get(hi.type()).asText() + "}");
                }
            } else {
                throw invalid("Query condition missed key schema element: " + (hashValue == null && !attr.equals(hash) ? hash : range)); // wording for non-key attributes not verified
            }
        }
        if (hashValue == null) throw invalid("Query condition missed key schema element: " + hash);
        return new KeyRange(hashValue, seenRange, op, lo, hi);
    }

    private static String name(Ast.PathOp p) {
        return p.path().isTop() ? p.path().top() : null;
    }

    private static Av typed(Av v, String type) {
        if (!v.type().equals(type)) {
            throw invalid("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
        return v;
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static void flatten(Cond c, List<Cond> out) {
        if (c instanceof Ast.And a) {
            flatten(a.a(), out);
            flatten(a.b(), out);
        } else {
            out.add(c);
        }
    }

    /** Whether the sort key value satisfies the condition. */
    boolean matches(Av sk) {
        if (op == null) return true;
        if (sk == null) return false;
        int c = Av.compareScalars(sk, lo);
        return switch (op) {
            case "=" -> c == 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "BETWEEN" -> c >= 0 && Av.compareScalars(sk, hi) <= 0;
            case "begins_with" -> Eval.test(new Ast.Func("begins_with",
                    List.<Operand>of(new Ast.ValueOp(sk, null), new Ast.ValueOp(lo, null))), java.util.Map.of());
            default -> false;
        };
    }

    /** Whether no later item (in the reading direction) can match. */
    boolean beyond(Av sk, boolean forward) {
        if (op == null || sk == null) return false;
        int c = Av.compareScalars(sk, lo);
        if (forward) {
            return switch (op) {
                case "=", "<=" -> c > 0;
                case "<" -> c >= 0;
                case "BETWEEN" -> Av.compareScalars(sk, hi) > 0;
                case "begins_with" -> c > 0 && !matches(sk);
                default -> false;
            };
        }
        return switch (op) {
            case "=", ">=", "BETWEEN", "begins_with" -> c < 0;
            case ">" -> c <= 0;
            default -> false;
        };
    }

    /** The first key to read forward: the partition prefix, plus the lower bound when there is one. */
    byte[] forwardStart(byte[] prefix) {
        if (op == null || op.equals("<") || op.equals("<=")) return prefix;
        return concat(prefix, KeyCodec.key(lo, null));
    }

    /** An exclusive upper key for reading backward. */
    byte[] backwardEnd(byte[] prefix) {
        if (op != null && (op.equals("=") || op.equals("<") || op.equals("<=") || op.equals("BETWEEN"))) {
            byte[] end = KeyCodec.prefixEnd(concat(prefix, KeyCodec.key(op.equals("BETWEEN") ? hi : lo, null)));
            if (end != null) return end;
        }
        return KeyCodec.prefixEnd(prefix);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
