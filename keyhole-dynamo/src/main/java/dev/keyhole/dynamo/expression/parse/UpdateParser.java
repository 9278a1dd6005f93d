package dev.keyhole.dynamo.expression.parse;

import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.expression.ast.UpdateAction;
import dev.keyhole.dynamo.expression.ast.UpdateExpression;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code SET}, {@code REMOVE}, {@code ADD} and {@code DELETE} sections, each at most once, in any
 * order. A SET value is an operand or one {@code +}/{@code -} of two operands; operands are paths,
 * {@code :values}, {@code if_not_exists(path, operand)} and {@code list_append(operand, operand)}.
 */
final class UpdateParser extends Parser {

    private enum Section { SET, REMOVE, ADD, DELETE }

    private final EnumSet<Section> seen = EnumSet.noneOf(Section.class);

    UpdateParser(String source) {
        super(ExpressionKind.UPDATE, source);
    }

    UpdateExpression parse() {
        List<UpdateAction> actions = new ArrayList<>();
        do {
            Section section = section(next());
            actions.add(action(section));
            while (peek().is(",")) {
                next();
                actions.add(action(section));
            }
        } while (peek().kind() != TokenKind.EOF);
        expectEnd();
        return new UpdateExpression(actions);
    }

    @Override
    boolean isKeyword(Token t) {
        return sectionOf(t) != null;
    }

    private static Section sectionOf(Token t) {
        if (t.kind() != TokenKind.NAME) {
            return null;
        }
        return switch (t.text().toUpperCase(Locale.ROOT)) {
            case "SET" -> Section.SET;
            case "REMOVE" -> Section.REMOVE;
            case "ADD" -> Section.ADD;
            case "DELETE" -> Section.DELETE;
            default -> null;
        };
    }

    /** The section {@code t} opens; a syntax error when it opens none. Records repeats. */
    private Section section(Token t) {
        Section s = sectionOf(t);
        if (s == null) {
            throw syntaxError(t);
        }
        if (!seen.add(s)) {
            deferred.add(Deferred.Group.SECTION, "The \"" + s + "\" section can only be used once in an update expression;");
        }
        return s;
    }

    private UpdateAction action(Section section) {
        DocumentPath path = path();
        return switch (section) {
            case SET -> {
                expect("=");
                yield new UpdateAction.Set(path, setValue());
            }
            case REMOVE -> new UpdateAction.Remove(path);
            case ADD -> new UpdateAction.Add(path, valueRef());
            case DELETE -> new UpdateAction.Delete(path, valueRef());
        };
    }

    private Operand valueRef() {
        Token t = next();
        if (t.kind() != TokenKind.VALUE_REF) {
            throw syntaxError(t);
        }
        return new Operand.ValueRef(t.text());
    }

    private Operand setValue() {
        Operand left = setTerm();
        Token op = peek();
        if (op.is("+") || op.is("-")) {
            if (left instanceof Operand.Arithmetic) {
                throw syntaxError(op);
            }
            next();
            Token second = peek();
            Operand right = setTerm();
            if (right instanceof Operand.Arithmetic) {
                throw syntaxError(second);
            }
            return new Operand.Arithmetic(left, op.is("+"), right);
        }
        return left;
    }

    /** A parenthesized SET value or an operand. */
    private Operand setTerm() {
        if (peek().is("(")) {
            next();
            Operand inner = setValue();
            expect(")");
            return inner;
        }
        return operand();
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
        if (t.kind() == TokenKind.NAME && peek(1).is("(")) {
            next();
            return function(t.text(), arguments());
        }
        if (atPath()) {
            return new Operand.Path(path());
        }
        throw syntaxError(t);
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

    private Operand function(String name, List<Operand> args) {
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
            deferred.add(Deferred.Group.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return args.getFirst();
        }
        if (args.size() != 2) {
            deferred.add(Deferred.Group.SHAPE, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + name + ", number of operands: " + args.size());
            return args.getFirst();
        }
        if (name.equals("list_append")) {
            return new Operand.ListAppend(args.getFirst(), args.get(1));
        }
        if (!(args.getFirst() instanceof Operand.Path p)) {
            deferred.add(Deferred.Group.SHAPE, "Operator or function requires a document path; operator or function: " + name);
            return args.getFirst();
        }
        return new Operand.IfNotExists(p.path(), args.get(1));
    }
}
