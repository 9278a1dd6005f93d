package dev.keyhole.iam.catalog;

import java.util.Locale;

/** The type AWS gives a condition key, which decides the operators that fit it. */
public enum KeyType {
    STRING, ARRAY_OF_STRING, ARN, ARRAY_OF_ARN, NUMERIC, DATE, BOOL, IP_ADDRESS, BINARY;

    /** Whether requests carry a set of values for the key. */
    public boolean multivalued() {
        return this == ARRAY_OF_STRING || this == ARRAY_OF_ARN;
    }

    /** Reads the catalog's spelling, e.g. {@code ArrayOfString}. */
    static KeyType parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "string" -> STRING;
            case "arrayofstring" -> ARRAY_OF_STRING;
            case "arn" -> ARN;
            case "arrayofarn" -> ARRAY_OF_ARN;
            case "numeric" -> NUMERIC;
            case "date" -> DATE;
            case "bool" -> BOOL;
            case "ipaddress" -> IP_ADDRESS;
            case "binary" -> BINARY;
            default -> throw new IllegalArgumentException("unknown key type `" + text + "` in the catalog");
        };
    }
}
