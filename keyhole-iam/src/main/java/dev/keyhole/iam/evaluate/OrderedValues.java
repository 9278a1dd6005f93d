package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.request.RequestContext;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code Numeric*} and {@code Date*} operators: policy values read once, each context value read
 * with the same reader and compared; a value the reader rejects matches nothing.
 */
final class OrderedValues<T extends Comparable<T>> implements PolicyValues {

    private final BaseOperator op;
    private final Function<String, T> reader;
    private final List<T> values;

    private OrderedValues(BaseOperator op, Function<String, T> reader, List<T> values) {
        this.op = op;
        this.reader = reader;
        this.values = values;
    }

    /** {@code reader} returns {@code null} for text that is not a value of its type. */
    static <T extends Comparable<T>> PolicyValues compile(BaseOperator op, List<String> raw, Function<String, T> reader) {
        return new OrderedValues<>(op, reader, raw.stream().map(reader).toList());
    }

    @Override
    public PolicyValues bind(RequestContext ctx) {
        return this;
    }

    @Override
    public int match(String contextValue) {
        T c = reader.apply(contextValue);
        if (c == null) {
            return INVALID;
        }
        for (int i = 0, n = values.size(); i < n; i++) {
            T p = values.get(i);
            if (p != null && Comparisons.holds(op, c.compareTo(p))) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
