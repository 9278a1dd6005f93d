package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.request.RequestContext;
import java.math.BigDecimal;
import java.util.List;

/** The {@code Numeric*} operators; integers and decimals compared exactly. */
final class NumericValues implements PolicyValues {

    private final BaseOperator op;
    private final BigDecimal[] values;

    private NumericValues(BaseOperator op, BigDecimal[] values) {
        this.op = op;
        this.values = values;
    }

    static PolicyValues compile(BaseOperator op, List<String> raw) {
        BigDecimal[] v = raw.stream().map(NumericValues::parse).toArray(BigDecimal[]::new);
        return new NumericValues(op, v);
    }

    static BigDecimal parse(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public PolicyValues bind(RequestContext ctx) {
        return this;
    }

    @Override
    public boolean accepts(String contextValue) {
        return parse(contextValue) != null;
    }

    @Override
    public boolean matchesAny(String contextValue) {
        BigDecimal c = parse(contextValue);
        for (BigDecimal p : values) {
            if (p != null && c != null && Comparisons.holds(op, c.compareTo(p))) {
                return true;
            }
        }
        return false;
    }
}
