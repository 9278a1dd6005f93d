package dev.keyhole.local.dynamodb;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

/**
 * Encodes key values so that unsigned byte order equals DynamoDB order, and concatenations of encoded
 * values (partition key then sort key) sort like the tuple.
 *
 * <p>S and B: bytes with 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x01. N: a sign byte, a
 * biased exponent, one byte per digit and a terminator, all complemented for negative numbers.
 */
final class KeyCodec {

    private KeyCodec() {}

    static void encode(Av value, ByteArrayOutputStream out) {
        switch (value) {
            case Av.S s -> escaped(Av.utf8(s.v()), out);
            case Av.B b -> escaped(b.v(), out);
            case Av.N n -> number(n.v(), out);
            default -> throw new IllegalArgumentException("not a key type: " + value.type());
        }
    }

    static byte[] key(Av first, Av second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        encode(first, out);
        if (second != null) encode(second, out);
        return out.toByteArray();
    }

    private static void escaped(byte[] bytes, ByteArrayOutputStream out) {
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) out.write(0xFF);
        }
        out.write(0);
        out.write(1);
    }

    private static void number(BigDecimal d, ByteArrayOutputStream out) {
        int sign = d.signum();
        if (sign == 0) {
            out.write(0x80);
            return;
        }
        String digits = d.unscaledValue().abs().toString();
        // value = 0.d1d2... x 10^exponent
        int exponent = digits.length() - d.scale();
        int biased = exponent + 0x8000;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        if (sign > 0) {
            out.write(0x81);
            out.write((biased >> 8) & 0xFF);
            out.write(biased & 0xFF);
            for (int i = 0; i < end; i++) out.write(0x10 + digits.charAt(i) - '0');
            out.write(0);
        } else {
            out.write(0x7F);
            out.write(~(biased >> 8) & 0xFF);
            out.write(~biased & 0xFF);
            for (int i = 0; i < end; i++) out.write(0xFF - (0x10 + digits.charAt(i) - '0'));
            out.write(0xFF);
        }
    }

    /** The smallest byte string greater than every string starting with {@code prefix}, or null if none. */
    static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if ((prefix[i] & 0xFF) != 0xFF) {
                byte[] out = java.util.Arrays.copyOf(prefix, i + 1);
                out[i]++;
                return out;
            }
        }
        return null;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) return false;
        return java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
