package dev.keyhole.dynamo.expression.resolve;

import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.ProjectionExpression;
import dev.keyhole.dynamo.expression.ast.UpdateExpression;
import java.util.Optional;

/**
 * The resolved expressions of one request, ready to evaluate any number of times; absent kinds are
 * {@code null} in the components and empty in the accessors' {@code Optional} forms.
 */
public record PreparedExpressions(Condition keyCondition, Condition filter, Condition condition,
                                  ProjectionExpression projection, UpdateExpression update) {

    /** The key condition, if the request had one. */
    public Optional<Condition> keyConditionIfAny() {
        return Optional.ofNullable(keyCondition);
    }

    /** The filter, if the request had one. */
    public Optional<Condition> filterIfAny() {
        return Optional.ofNullable(filter);
    }

    /** The condition expression, if the request had one. */
    public Optional<Condition> conditionIfAny() {
        return Optional.ofNullable(condition);
    }

    /** The projection, if the request had one. */
    public Optional<ProjectionExpression> projectionIfAny() {
        return Optional.ofNullable(projection);
    }

    /** The update expression, if the request had one. */
    public Optional<UpdateExpression> updateIfAny() {
        return Optional.ofNullable(update);
    }
}
