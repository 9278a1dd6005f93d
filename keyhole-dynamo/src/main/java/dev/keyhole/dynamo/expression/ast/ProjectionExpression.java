package dev.keyhole.dynamo.expression.ast;

import java.util.List;

/** A parsed projection expression: the document paths to return, in written order. */
public record ProjectionExpression(List<DocumentPath> paths) {

    public ProjectionExpression {
        paths = List.copyOf(paths);
    }
}
