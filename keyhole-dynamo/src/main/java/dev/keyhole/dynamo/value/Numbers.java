package dev.keyhole.dynamo.value;

import dev.keyhole.dynamo.DynamoValidationException;
import java.math.BigDecimal;

/**
 * DynamoDB's number rules: at most 38 significant digits, magnitudes from 1E-130 to below 1E+126,
 * stored normalized (leading and trailing zeroes trimmed, so {@code 1.0} is {@code 1}).
 */
final class Numbers {

    static final int MAX_DIGITS = 38;
    static final int MAX_EXPONENT = 125;
    static final int MIN_EXPONENT = -130;

    private Numbers() {}

    /** Parses DynamoDB's textual number form. */
    static BigDecimal parse(String text) {
        if (text.isEmpty()) {
            throw DynamoValidationException.validation("The parameter cannot be converted to a numeric value");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DynamoValidationException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return normalize(value);
    }

    /** The canonical form of {@code value}, validated against DynamoDB's range and precision. */
    static BigDecimal normalize(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // the decimal exponent of the leading digit: 1.5E+3 → 3
        long leading = (long) stripped.precision() - stripped.scale() - 1;
        if (leading > MAX_EXPONENT) {
            throw DynamoValidationException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (leading < MIN_EXPONENT) {
            throw DynamoValidationException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (stripped.precision() > MAX_DIGITS) {
            throw DynamoValidationException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return stripped;
    }

    /** The text DynamoDB sends back: plain digits, no exponent. */
    static String text(BigDecimal normalized) {
        return normalized.toPlainString();
    }
}
