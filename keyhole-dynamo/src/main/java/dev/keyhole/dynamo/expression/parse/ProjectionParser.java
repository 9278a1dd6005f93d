package dev.keyhole.dynamo.expression.parse;

import dev.keyhole.dynamo.expression.ExpressionKind;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.ProjectionExpression;
import java.util.ArrayList;
import java.util.List;

/** Parses a comma-separated list of document paths. */
final class ProjectionParser extends Parser {

    ProjectionParser(String source) {
        super(ExpressionKind.PROJECTION, source);
    }

    ProjectionExpression parse() {
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(path());
        while (peek().is(",")) {
            next();
            paths.add(path());
        }
        expectEnd();
        return new ProjectionExpression(paths);
    }

    @Override
    boolean isKeyword(Token t) {
        return false;
    }
}
