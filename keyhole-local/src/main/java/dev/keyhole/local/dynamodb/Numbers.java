package dev.keyhole.local.dynamodb;

import java.math.BigDecimal;

/** DynamoDB numbers: 38 significant digits, magnitude between 1E-130 and 9.9999999999999999999999999999999999999E+125. */
final class Numbers {

    private Numbers() {}

    static BigDecimal parse(String text) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text); // wording not verified
        }
        return check(d);
    }

    static BigDecimal check(BigDecimal d) {
        if (d.signum() == 0) return BigDecimal.ZERO;
        d = d.stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent > 125) {
            throw DynamoDbException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < -130) {
            throw DynamoDbException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (d.precision() > 38) {
            throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return d;
    }

    /** Storage size: about one byte per two significant digits, plus one. */
    static int size(BigDecimal d) {
        if (d.signum() == 0) return 1;
        int digits = d.precision();
        int exponent = d.precision() - d.scale() - 1;
        return 1 + (digits + 1) / 2 + ((digits % 2 != 0 || exponent % 2 != 0) ? 0 : 1) + (d.signum() < 0 ? 1 : 0);
    }
}
