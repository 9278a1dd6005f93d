package dev.keyhole.dynamo.expression.parse;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.PathElement;
import java.util.ArrayList;
import java.util.List;

/** What every expression parser shares: the token cursor, document paths, and DynamoDB's error forms. */
abstract class Parser {

    final ExpressionKind kind;
    final String source;
    final List<Token> tokens;
    final Deferred deferred = new Deferred();
    int pos;

    Parser(ExpressionKind kind, String source) {
        this.kind = kind;
        this.source = source;
        this.tokens = Lexer.tokens(source);
        if (tokens.size() == 1) {
            throw DynamoValidationException.validation("Invalid " + kind.parameter() + ": The expression can not be empty;");
        }
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != TokenKind.EOF) {
            pos++;
        }
        return t;
    }

    void expect(String symbol) {
        if (!peek().is(symbol)) {
            throw syntaxError(peek());
        }
        next();
    }

    void expectEnd() {
        if (peek().kind() != TokenKind.EOF) {
            throw syntaxError(peek());
        }
        deferred.throwFirst(kind);
    }

    /** Whether {@code t} is a word that cannot start a path here (an operator keyword). */
    abstract boolean isKeyword(Token t);

    /** A document path: a name or {@code #name}, then {@code .name}, {@code .#name} and {@code [n]} steps. */
    DocumentPath path() {
        List<PathElement> elements = new ArrayList<>(4);
        elements.add(pathName(next()));
        while (true) {
            if (peek().is(".")) {
                next();
                elements.add(pathName(next()));
            } else if (peek().is("[")) {
                next();
                Token number = next();
                if (number.kind() != TokenKind.NUMBER) {
                    throw syntaxError(number);
                }
                int index;
                try {
                    index = Integer.parseInt(number.text());
                } catch (NumberFormatException e) {
                    throw syntaxError(number); // wording not verified for indexes beyond int range
                }
                expect("]");
                elements.add(new PathElement.Index(index));
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private PathElement pathName(Token t) {
        if (t.kind() == TokenKind.NAME_REF) {
            return new PathElement.NameRef(t.text());
        }
        if (t.kind() != TokenKind.NAME || isKeyword(t)) {
            throw syntaxError(t);
        }
        if (ReservedWords.isReserved(t.text())) {
            deferred.add(Deferred.Group.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
        }
        return new PathElement.Name(t.text());
    }

    /** Whether the tokens at the cursor start a path. */
    boolean atPath() {
        Token t = peek();
        return t.kind() == TokenKind.NAME_REF || (t.kind() == TokenKind.NAME && !isKeyword(t) && !peek(1).is("("));
    }

    /** Index of the {@code )} matching the {@code (} at {@code open}, or -1. */
    int matching(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * DynamoDB's syntax error: the offending token, and the text from the token before it to the token
     * after it ({@code token: "_", near: "SET _123"}; at the end, {@code token: "<EOF>", near: "foo"}).
     */
    DynamoValidationException syntaxError(Token at) {
        int index = tokens.indexOf(at);
        int from = index > 0 ? tokens.get(index - 1).start() : at.start();
        int to = index + 1 < tokens.size() ? tokens.get(index + 1).end() : at.end();
        to = Math.max(to, at.end());
        return DynamoValidationException.validation("Invalid " + kind.parameter() + ": Syntax error; token: \""
                + at.text() + "\", near: \"" + source.substring(from, to) + "\"");
    }
}
