package dev.keyhole.local.dynamodb;

import dev.keyhole.local.dynamodb.Ast.Action;
import dev.keyhole.local.dynamodb.Ast.Cond;
import dev.keyhole.local.dynamodb.Ast.Operand;
import dev.keyhole.local.dynamodb.Lexer.Kind;
import dev.keyhole.local.dynamodb.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses one expression of a request (condition, filter, key condition, projection or update) into
 * {@link Ast} with placeholders substituted, so evaluation per item does no string work.
 */
final class ExprParser {

    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> SECTIONS = Set.of("SET", "REMOVE", "ADD", "DELETE");

    private final String source;
    private final String label;
    private final Placeholders placeholders;
    private final List<Token> tokens;
    private int pos;

    private ExprParser(String source, String label, Placeholders placeholders) {
        this.source = source;
        this.label = label;
        this.placeholders = placeholders;
        if (source.isBlank()) {
            throw DynamoDbException.validation("Invalid " + label + ": The expression can not be empty;");
        }
        this.tokens = Lexer.tokenize(source, label);
    }

    static Cond condition(String source, String label, Placeholders p) {
        ExprParser parser = new ExprParser(source, label, p);
        Cond c = parser.or();
        parser.expectEnd();
        return c;
    }

    static List<Path> projection(String source, Placeholders p) {
        ExprParser parser = new ExprParser(source, "ProjectionExpression", p);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (parser.accept(","));
        parser.expectEnd();
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw DynamoDbException.validation("Invalid ProjectionExpression: Two document paths overlap with each other; "
                            + "must remove or rewrite one of these paths; path one: " + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
        return paths;
    }

    static List<Action> update(String source, Placeholders p) {
        ExprParser parser = new ExprParser(source, "UpdateExpression", p);
        List<Action> actions = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        while (parser.peek().kind() != Kind.EOF) {
            Token t = parser.next();
            String section = t.text().toUpperCase(Locale.ROOT);
            if (t.kind() != Kind.NAME || !SECTIONS.contains(section)) throw parser.syntax(t);
            if (!seen.add(section)) {
                throw DynamoDbException.validation("Invalid UpdateExpression: The \"" + section
                        + "\" section can only be used once in an update expression;");
            }
            do {
                Path path = parser.path();
                switch (section) {
                    case "SET" -> {
                        parser.expect("=");
                        actions.add(new Action(section, path, parser.setValue()));
                    }
                    case "REMOVE" -> actions.add(new Action(section, path, null));
                    default -> {
                        Token v = parser.next();
                        if (v.kind() != Kind.VALUE) throw parser.syntax(v);
                        actions.add(new Action(section, path, new Ast.ValueOp(p.value(v.text(), "UpdateExpression"), v.text())));
                    }
                }
            } while (parser.accept(","));
        }
        if (actions.isEmpty()) throw parser.syntax(parser.peek());
        for (int i = 0; i < actions.size(); i++) {
            for (int j = i + 1; j < actions.size(); j++) {
                Path a = actions.get(i).path();
                Path b = actions.get(j).path();
                if (a.overlaps(b)) {
                    String kind = a.equals(b) ? "conflict" : "overlap";
                    throw DynamoDbException.validation("Invalid UpdateExpression: Two document paths " + kind
                            + " with each other; must remove or rewrite one of these paths; path one: " + a + ", path two: " + b);
                }
            }
        }
        return actions;
    }

    // ---- conditions ---------------------------------------------------------------------------------

    private Cond or() {
        Cond left = and();
        while (accept("OR")) left = new Ast.Or(left, and());
        return left;
    }

    private Cond and() {
        Cond left = not();
        while (accept("AND")) left = new Ast.And(left, not());
        return left;
    }

    private Cond not() {
        if (accept("NOT")) return new Ast.Not(not());
        return primary();
    }

    private Cond primary() {
        if (accept("(")) {
            Cond c = or();
            expect(")");
            return c;
        }
        Token t = peek();
        if (t.kind() == Kind.NAME && peekAt(1).is("(")) {
            String fn = t.text();
            if (CONDITION_FUNCTIONS.contains(fn)) {
                next();
                next();
                List<Operand> args = arguments();
                checkFunction(fn, args);
                return new Ast.Func(fn, args);
            }
        }
        Operand left = operand();
        Token op = peek();
        if (op.kind() == Kind.SYMBOL && COMPARATORS.contains(op.text())) {
            next();
            return new Ast.Compare(op.text(), left, operand());
        }
        if (op.is("BETWEEN")) {
            next();
            Operand lo = operand();
            expect("AND");
            Operand hi = operand();
            if (lo instanceof Ast.ValueOp l && hi instanceof Ast.ValueOp h && Av.isScalarKeyType(l.value())
                    && l.value().type().equals(h.value().type()) && Av.compareScalars(l.value(), h.value()) > 0) {
                throw DynamoDbException.validation("Invalid " + label + ": The BETWEEN operator requires upper bound to be "
                        + "greater than or equal to lower bound; lower operand: AttributeValue: " + brief(l.value())
                        + ", upper operand: AttributeValue: " + brief(h.value()));
            }
            return new Ast.Between(left, lo, hi);
        }
        if (op.is("IN")) {
            next();
            expect("(");
            List<Operand> options = new ArrayList<>();
            do {
                options.add(operand());
            } while (accept(","));
            expect(")");
            return new Ast.In(left, options);
        }
        throw syntax(op);
    }

    private static String brief(Av v) {
        return "{" + v.type() + ":" + v.toJson().get(v.type()).asText() + "}";
    }

    private List<Operand> arguments() {
        List<Operand> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(operand());
            } while (accept(","));
        }
        expect(")");
        return args;
    }

    private void checkFunction(String fn, List<Operand> args) {
        int arity = switch (fn) {
            case "attribute_exists", "attribute_not_exists", "size" -> 1;
            default -> 2;
        };
        if (args.size() != arity) {
            throw DynamoDbException.validation("Invalid " + label + ": Incorrect number of operands for operator or function; "
                    + "operator or function: " + fn + ", number of operands: " + args.size());
        }
        if ((fn.startsWith("attribute_") || fn.equals("size")) && !(args.get(0) instanceof Ast.PathOp)) {
            throw DynamoDbException.validation("Invalid " + label + ": Operator or function requires a document path; "
                    + "operator or function: " + fn);
        }
        if (fn.equals("attribute_type")) {
            if (!(args.get(1) instanceof Ast.ValueOp v) || !(v.value() instanceof Av.S s)
                    || !Set.of("S", "N", "B", "SS", "NS", "BS", "BOOL", "NULL", "L", "M").contains(s.v())) {
                throw DynamoDbException.validation("Invalid " + label + ": Invalid attribute type name found; type: "
                        + (args.get(1) instanceof Ast.ValueOp v2 ? v2.placeholder() : "?")); // wording not verified
            }
        }
        if (fn.equals("begins_with")) {
            for (Operand a : args) {
                if (a instanceof Ast.ValueOp v && !(v.value() instanceof Av.S || v.value() instanceof Av.B)) {
                    throw DynamoDbException.validation("Invalid " + label + ": Incorrect operand type for operator or function; "
                            + "operator or function: begins_with, operand type: " + v.value().type());
                }
            }
        }
    }

    // ---- operands -----------------------------------------------------------------------------------

    private Operand operand() {
        Token t = peek();
        if (t.kind() == Kind.VALUE) {
            next();
            return new Ast.ValueOp(placeholders.value(t.text(), label), t.text());
        }
        if (t.kind() == Kind.NAME && peekAt(1).is("(")) {
            next();
            next();
            String fn = t.text();
            if (fn.equals("size")) {
                List<Operand> args = arguments();
                checkFunction(fn, args);
                return new Ast.SizeOp(((Ast.PathOp) args.get(0)).path());
            }
            if (CONDITION_FUNCTIONS.contains(fn) || fn.equals("if_not_exists") || fn.equals("list_append")) {
                throw DynamoDbException.validation("Invalid " + label
                        + ": The function is not allowed to be used this way in an expression; function: " + fn);
            }
            throw DynamoDbException.validation("Invalid " + label + ": Invalid function name; function: " + fn);
        }
        return new Ast.PathOp(path());
    }

    private Operand setValue() {
        Operand left = setOperand();
        if (peek().is("+") || peek().is("-")) {
            boolean plus = next().text().equals("+");
            return new Ast.Arith(left, plus, setOperand());
        }
        return left;
    }

    private Operand setOperand() {
        Token t = peek();
        if (t.kind() == Kind.VALUE) {
            next();
            return new Ast.ValueOp(placeholders.value(t.text(), label), t.text());
        }
        if (t.kind() == Kind.NAME && peekAt(1).is("(")) {
            next();
            next();
            String fn = t.text();
            switch (fn) {
                case "if_not_exists" -> {
                    Path p = path();
                    expect(",");
                    Operand fallback = setOperand();
                    expect(")");
                    return new Ast.IfNotExists(p, fallback);
                }
                case "list_append" -> {
                    Operand a = setOperand();
                    expect(",");
                    Operand b = setOperand();
                    expect(")");
                    return new Ast.ListAppend(a, b);
                }
                default -> {
                    if (CONDITION_FUNCTIONS.contains(fn) || fn.equals("size")) {
                        throw DynamoDbException.validation("Invalid UpdateExpression: The function is not allowed in an update expression; function: " + fn);
                    }
                    throw DynamoDbException.validation("Invalid UpdateExpression: Invalid function name; function: " + fn);
                }
            }
        }
        return new Ast.PathOp(path());
    }

    Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(".")) {
                elements.add(pathName());
            } else if (peek().is("[")) {
                next();
                Token n = next();
                if (n.kind() != Kind.NUMBER) throw syntax(n);
                elements.add(Integer.parseInt(n.text()));
                expect("]");
            } else {
                return new Path(List.copyOf(elements));
            }
        }
    }

    private String pathName() {
        Token t = next();
        if (t.kind() == Kind.HASH_NAME) return placeholders.name(t.text(), label);
        if (t.kind() == Kind.NAME) {
            if (Keywords.isReserved(t.text())) {
                throw DynamoDbException.validation("Invalid " + label + ": Attribute name is a reserved keyword; reserved keyword: "
                        + t.text());
            }
            return t.text();
        }
        throw syntax(t);
    }

    // ---- tokens -------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) pos++;
        return t;
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!accept(s)) throw syntax(peek());
    }

    private void expectEnd() {
        if (peek().kind() != Kind.EOF) throw syntax(peek());
    }

    private DynamoDbException syntax(Token t) {
        return Lexer.syntax(label, source, tokens, t);
    }
}
