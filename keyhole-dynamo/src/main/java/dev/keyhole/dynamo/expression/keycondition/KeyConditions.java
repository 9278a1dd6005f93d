package dev.keyhole.dynamo.expression.keycondition;

import dev.keyhole.dynamo.DynamoValidationException;
import dev.keyhole.dynamo.expression.ast.Comparator;
import dev.keyhole.dynamo.expression.ast.Condition;
import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.Operand;
import dev.keyhole.dynamo.expression.ast.PathElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a key condition as DynamoDB's Query does and refuses what Query refuses, with its messages:
 * only {@code AND} of at most two simple conditions, each on a top-level key attribute; the partition
 * key with {@code =}; the sort key with {@code = < <= > >= BETWEEN begins_with}.
 *
 * <p>Works on parsed conditions (placeholders in) as well as resolved ones, so the runbook loader can
 * tell whether a template pins the partition key before any value is bound. Path placeholders must be
 * resolved, since the key names are what matters.
 */
public final class KeyConditions {

    private KeyConditions() {}

    /**
     * The key range {@code condition} selects on a table or index keyed by {@code partitionKey} and
     * {@code sortKey} ({@code null} when there is none).
     */
    public static KeyCondition analyze(Condition condition, String partitionKey, String sortKey) {
        List<Condition> parts = new ArrayList<>(2);
        flatten(condition, parts);
        List<Part> simple = new ArrayList<>(parts.size());
        for (Condition c : parts) {
            simple.add(part(c));
        }
        for (int i = 0; i < simple.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (simple.get(i).attribute.equals(simple.get(j).attribute)) {
                    throw invalid("KeyConditionExpressions must only contain one condition per key");
                }
            }
        }
        Part partition = null;
        Part sort = null;
        for (Part p : simple) {
            if (p.attribute.equals(partitionKey)) {
                partition = p;
            } else if (p.attribute.equals(sortKey)) {
                sort = p;
            } else {
                // wording not verified when the table has no sort key
                throw invalid("Query condition missed key schema element: " + (sortKey != null ? sortKey : partitionKey));
            }
        }
        if (partition == null) {
            throw invalid("Query condition missed key schema element: " + partitionKey);
        }
        if (partition.operator != SortOperator.EQ) {
            throw invalid("Query key condition not supported");
        }
        Optional<SortKeyCondition> sortCondition = sort == null ? Optional.empty()
                : Optional.of(new SortKeyCondition(sort.attribute, sort.operator, sort.value, sort.upper));
        return new KeyCondition(partitionKey, partition.value, sortCondition);
    }

    /** Whether {@code condition} is a valid key condition pinning {@code partitionKey} with {@code =}. */
    public static boolean pinsPartitionKey(Condition condition, String partitionKey, String sortKey) {
        try {
            analyze(condition, partitionKey, sortKey);
            return true;
        } catch (DynamoValidationException e) {
            return false;
        }
    }

    private record Part(String attribute, SortOperator operator, Operand value, Operand upper) {}

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else {
            out.add(c);
        }
    }

    private static Part part(Condition c) {
        return switch (c) {
            case Condition.Compare x -> compare(x);
            case Condition.Between x -> {
                if (!(x.value() instanceof Operand.Path p)) {
                    throw invalid("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
                }
                noNesting(x.lower(), x.upper());
                noSecondAttribute(x.lower(), x.upper());
                yield new Part(keyName(p.path()), SortOperator.BETWEEN, x.lower(), x.upper());
            }
            case Condition.BeginsWith x -> {
                if (!(x.value() instanceof Operand.Path p)) {
                    throw invalid("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
                }
                noNesting(x.prefix());
                noSecondAttribute(x.prefix());
                yield new Part(keyName(p.path()), SortOperator.BEGINS_WITH, x.prefix(), null);
            }
            case Condition.Or x -> throw operator("OR");
            case Condition.Not x -> throw operator("NOT");
            case Condition.In x -> throw operator("IN");
            case Condition.AttributeExists x -> throw operator("attribute_exists");
            case Condition.AttributeNotExists x -> throw operator("attribute_not_exists");
            case Condition.AttributeType x -> throw operator("attribute_type");
            case Condition.Contains x -> throw operator("contains");
            case Condition.And x -> throw new IllegalStateException("flattened");
        };
    }

    private static Part compare(Condition.Compare x) {
        if (x.op() == Comparator.NE) {
            throw operator("<>");
        }
        noNesting(x.left(), x.right());
        boolean leftPath = x.left() instanceof Operand.Path;
        boolean rightPath = x.right() instanceof Operand.Path;
        if (leftPath && rightPath) {
            throw invalid("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        }
        if (!leftPath && !rightPath) {
            throw invalid("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        // wording not verified: DynamoDB may refuse a value on the left; keyhole reads it mirrored
        Comparator op = leftPath ? x.op() : x.op().flipped();
        DocumentPath path = ((Operand.Path) (leftPath ? x.left() : x.right())).path();
        Operand value = leftPath ? x.right() : x.left();
        SortOperator sort = switch (op) {
            case EQ -> SortOperator.EQ;
            case LT -> SortOperator.LT;
            case LE -> SortOperator.LE;
            case GT -> SortOperator.GT;
            case GE -> SortOperator.GE;
            case NE -> throw operator("<>");
        };
        return new Part(keyName(path), sort, value, null);
    }

    private static void noNesting(Operand... operands) {
        for (Operand o : operands) {
            if (!(o instanceof Operand.Path) && !(o instanceof Operand.Value) && !(o instanceof Operand.ValueRef)) {
                throw invalid("KeyConditionExpressions cannot contain nested operations");
            }
        }
    }

    private static void noSecondAttribute(Operand... operands) {
        for (Operand o : operands) {
            if (o instanceof Operand.Path) {
                throw invalid("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
            }
        }
    }

    private static String keyName(DocumentPath path) {
        if (!path.isTopLevel()) {
            throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        if (!(path.elements().getFirst() instanceof PathElement.Name n)) {
            throw new IllegalArgumentException("key condition paths must be resolved: " + path);
        }
        return n.name();
    }

    private static DynamoValidationException operator(String operator) {
        return invalid("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoValidationException invalid(String message) {
        return DynamoValidationException.validation(message);
    }
}
