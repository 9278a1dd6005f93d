package dev.keyhole.dynamo.value;

import dev.keyhole.dynamo.DynamoValidationException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Item sizes as DynamoDB meters them, for the 400 KB item limit and capacity units
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * an attribute is its name's UTF-8 length plus its value's size; strings count UTF-8 bytes, binary raw
 * bytes, booleans and nulls 1 byte, lists and maps 3 bytes plus 1 byte per element plus their elements
 * (a map element also counts its key), sets the sum of their members.
 *
 * <p>Numbers: the guide gives "about one byte per two significant digits, plus one". DynamoDB stores
 * digits in base-100 pairs aligned on the decimal point, so the pair count depends on that alignment;
 * keyhole counts {@code ceil(digits / 2)} plus 1 when the leading digit's exponent is odd and plus 2 when
 * it is even, the formula the dynalite emulator measured against DynamoDB.
 */
public final class ItemSize {

    /** DynamoDB's maximum item size, 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    /** The size of an item in bytes. */
    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += attribute(e.getKey(), e.getValue());
        }
        return size;
    }

    /** The size of one top-level attribute: name plus value. */
    public static long attribute(String name, AttributeValue value) {
        return utf8Length(name) + value(value);
    }

    /** The size of a value without its name. */
    public static long value(AttributeValue value) {
        return switch (value) {
            case AttributeValue.S s -> utf8Length(s.value());
            case AttributeValue.N n -> number(n.value());
            case AttributeValue.B b -> b.value().length();
            case AttributeValue.BOOL b -> 1;
            case AttributeValue.NULL x -> 1;
            case AttributeValue.L l -> {
                long size = 3;
                for (AttributeValue v : l.values()) {
                    size += 1 + value(v);
                }
                yield size;
            }
            case AttributeValue.M m -> {
                long size = 3;
                for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                    size += 1 + utf8Length(e.getKey()) + value(e.getValue());
                }
                yield size;
            }
            case AttributeValue.SS ss -> {
                long size = 0;
                for (String s : ss.values()) {
                    size += utf8Length(s);
                }
                yield size;
            }
            case AttributeValue.NS ns -> {
                long size = 0;
                for (BigDecimal n : ns.values()) {
                    size += number(n);
                }
                yield size;
            }
            case AttributeValue.BS bs -> {
                long size = 0;
                for (Bytes b : bs.values()) {
                    size += b.length();
                }
                yield size;
            }
        };
    }

    /** The stored size of a normalized number. */
    static int number(BigDecimal normalized) {
        int digits = normalized.precision();
        long leading = (long) digits - normalized.scale() - 1;
        return (digits + 1) / 2 + (Math.floorMod(leading, 2) == 1 ? 1 : 2);
    }

    /** The number of bytes {@code s} takes in UTF-8, without encoding it. */
    public static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Refuses an item over 400 KB with DynamoDB's message. */
    public static void checkWithinLimit(Map<String, AttributeValue> item) {
        if (of(item) > MAX_ITEM_BYTES) {
            throw DynamoValidationException.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Write capacity units for writing an item of {@code bytes}: one per started KB, at least one. */
    public static long writeCapacityUnits(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /**
     * Read capacity units for reading {@code bytes}: one per started 4 KB for a strongly consistent read,
     * half that for an eventually consistent one, at least one (or one half).
     */
    public static double readCapacityUnits(long bytes, boolean stronglyConsistent) {
        long units = Math.max(1, (bytes + 4095) / 4096);
        return stronglyConsistent ? units : units / 2.0;
    }
}
