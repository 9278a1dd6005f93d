package dev.keyhole.dynamo.expression.parse;

import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.Comparator;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over condition text with DynamoDB's precedence, loosest first: {@code OR},
 * {@code AND}, {@code NOT}, then comparisons, {@code BETWEEN}, {@code IN} and functions.
 */
final class ConditionParser extends Parser {

    static final int MAX_IN_OPERANDS = 100;
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

    ConditionParser(ExpressionKind kind, String source) {
        super(kind, source);
    }

    Condition parse() {
        Condition c = or();
        expectEnd();
        return c;
    }

    @Override
    boolean isKeyword(Token t) {
        return t.kind() == TokenKind.NAME && KEYWORDS.contains(t.text().toUpperCase(java.util.Locale.ROOT));
    }

    private Condition or() {
        Condition left = and();
        while (peek().isKeyword("OR")) {
            next();
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (peek().isKeyword("AND")) {
            next();
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (peek().is("(") && wrapsCondition(pos)) {
            int open = pos;
            next();
            if (peek().is("(") && matching(pos) + 1 == matching(open)) {
                deferred.add(Deferred.Group.PARENS, "The expression has redundant parentheses;");
            }
            Condition inner = or();
            expect(")");
            return inner;
        }
        if (peek().kind() == TokenKind.NAME && peek(1).is("(") && !isKeyword(peek())) {
            String name = peek().text();
            if (!name.equals("size")) {
                Token nameToken = next();
                return functionCondition(nameToken, arguments());
            }
        }
        Operand left = operand();
        Token t = peek();
        Comparator op = t.kind() == TokenKind.SYMBOL ? Comparator.ofSymbol(t.text()) : null;
        if (op != null) {
            next();
            return new Condition.Compare(op, left, operand());
        }
        if (t.isKeyword("BETWEEN")) {
            next();
            Operand lower = operand();
            if (!peek().isKeyword("AND")) {
                throw syntaxError(peek());
            }
            next();
            return new Condition.Between(left, lower, operand());
        }
        if (t.isKeyword("IN")) {
            next();
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().is(",")) {
                next();
                candidates.add(operand());
            }
            expect(")");
            if (candidates.size() > MAX_IN_OPERANDS) {
                deferred.add(Deferred.Group.SHAPE,
                        "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Size) {
            // size(a) standing alone parses, then is refused as a condition
            deferred.add(Deferred.Group.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: size");
            return new Condition.Compare(Comparator.EQ, left, left);
        }
        throw syntaxError(t);
    }

    /** Whether the parenthesis at {@code open} wraps a condition rather than an operand of a comparison. */
    private boolean wrapsCondition(int open) {
        int close = matching(open);
        if (close < 0) {
            return true;
        }
        Token after = tokens.get(close + 1);
        boolean comparator = after.kind() == TokenKind.SYMBOL && Comparator.ofSymbol(after.text()) != null;
        return !(comparator || after.isKeyword("BETWEEN") || after.isKeyword("IN"));
    }

    private Condition functionCondition(Token nameToken, List<Operand> args) {
        String name = nameToken.text();
        if (!CONDITION_FUNCTIONS.contains(name)) {
            deferred.add(Deferred.Group.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return new Condition.AttributeExists(DocumentPath.of("unknown"));
        }
        int arity = name.startsWith("attribute_") && !name.equals("attribute_type") ? 1 : 2;
        if (args.size() != arity) {
            deferred.add(Deferred.Group.SHAPE, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + name + ", number of operands: " + args.size());
            return new Condition.AttributeExists(DocumentPath.of("unknown"));
        }
        boolean needsPath = name.startsWith("attribute_");
        if (needsPath && !(args.getFirst() instanceof Operand.Path)) {
            deferred.add(Deferred.Group.SHAPE, "Operator or function requires a document path; operator or function: " + name);
            return new Condition.AttributeExists(DocumentPath.of("unknown"));
        }
        return switch (name) {
            case "attribute_exists" -> new Condition.AttributeExists(((Operand.Path) args.getFirst()).path());
            case "attribute_not_exists" -> new Condition.AttributeNotExists(((Operand.Path) args.getFirst()).path());
            case "attribute_type" -> new Condition.AttributeType(((Operand.Path) args.getFirst()).path(), args.get(1));
            case "begins_with" -> new Condition.BeginsWith(args.getFirst(), args.get(1));
            default -> new Condition.Contains(args.getFirst(), args.get(1));
        };
    }

    private List<Operand> arguments() {
        expect("(");
        List<Operand> args = new ArrayList<>(2);
        args.add(operand());
        while (peek().is(",")) {
            next();
            args.add(operand());
        }
        expect(")");
        return args;
    }

    private Operand operand() {
        Token t = peek();
        if (t.is("(")) {
            next();
            Operand inner = operand();
            expect(")");
            return inner;
        }
        if (t.kind() == TokenKind.VALUE_REF) {
            next();
            return new Operand.ValueRef(t.text());
        }
        if (t.kind() == TokenKind.NAME && peek(1).is("(") && !isKeyword(t)) {
            next();
            List<Operand> args = arguments();
            if (t.text().equals("size")) {
                if (args.size() != 1) {
                    deferred.add(Deferred.Group.SHAPE, "Incorrect number of operands for operator or function; "
                            + "operator or function: size, number of operands: " + args.size());
                }
                return new Operand.Size(args.getFirst());
            }
            if (CONDITION_FUNCTIONS.contains(t.text())) {
                deferred.add(Deferred.Group.MISUSED_FUNCTION,
                        "The function is not allowed to be used this way in an expression; function: " + t.text());
            } else {
                deferred.add(Deferred.Group.UNKNOWN_FUNCTION, "Invalid function name; function: " + t.text());
            }
            return args.getFirst();
        }
        if (atPath()) {
            return new Operand.Path(path());
        }
        throw syntaxError(t);
    }
}
