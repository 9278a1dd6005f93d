package dev.keyhole.dynamo.value;

import java.util.Comparator;

/**
 * The order DynamoDB sorts and compares key values in: strings by their UTF-8 bytes (unsigned),
 * numbers numerically, binary by unsigned bytes. Only S, N and B values of the same type are ordered.
 */
public final class KeyOrder {

    /** {@link #compare} as a comparator. */
    public static final Comparator<AttributeValue> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {}

    /** Whether {@code a} and {@code b} can be ordered: both S, both N or both B. */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return (a instanceof AttributeValue.S && b instanceof AttributeValue.S)
                || (a instanceof AttributeValue.N && b instanceof AttributeValue.N)
                || (a instanceof AttributeValue.B && b instanceof AttributeValue.B);
    }

    /**
     * Compares two values of the same scalar key type.
     *
     * @throws IllegalArgumentException when the values are not {@link #comparable}
     */
    public static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return compareUtf8(x.value(), y.value());
        }
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return x.value().compareTo(y.value());
        }
        throw new IllegalArgumentException("not comparable as keys: " + a.type() + " and " + b.type());
    }

    /**
     * Compares strings as their UTF-8 encodings would compare byte by byte (unsigned), which is code
     * point order; {@link String#compareTo} compares UTF-16 units and misorders supplementary characters.
     */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
