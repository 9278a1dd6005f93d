package dev.keyhole.dynamo.expression.ast;

import java.util.List;

/** A parsed update expression: its actions in written order, whatever the section order was. */
public record UpdateExpression(List<UpdateAction> actions) {

    public UpdateExpression {
        actions = List.copyOf(actions);
    }
}
