package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.request.RequestContext;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** {@code BinaryEquals}: the base64 policy value against the context value's bytes (given base64-encoded). */
final class BinaryValues implements PolicyValues {

    private final byte[][] values;

    private BinaryValues(byte[][] values) {
        this.values = values;
    }

    static PolicyValues compile(List<String> raw) {
        return new BinaryValues(raw.stream().map(BinaryValues::decode).toArray(byte[][]::new));
    }

    private static byte[] decode(String s) {
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public PolicyValues bind(RequestContext ctx) {
        return this;
    }

    @Override
    public int match(String v) {
        byte[] c = decode(v);
        if (c == null) {
            return INVALID;
        }
        return Arrays.stream(values).filter(Objects::nonNull).anyMatch(p -> Arrays.equals(p, c)) ? MATCH : NO_MATCH;
    }
}
