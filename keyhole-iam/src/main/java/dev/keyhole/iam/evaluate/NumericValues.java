package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.BaseOperator;
import java.math.BigDecimal;
import java.util.List;

/** Reads numbers for the {@code Numeric*} operators; integers and decimals compared exactly. */
final class NumericValues {

    private NumericValues() {}

    static PolicyValues compile(BaseOperator op, List<String> raw) {
        return OrderedValues.compile(op, raw, NumericValues::parse);
    }

    static BigDecimal parse(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
