package dev.keyhole.dynamo.value;

import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte string with value equality and DynamoDB's ordering (unsigned, byte by byte), the
 * payload of binary attribute values.
 */
public final class Bytes implements Comparable<Bytes> {

    private static final Bytes EMPTY = new Bytes(new byte[0]);

    // INVARIANT: never handed out; copies go in and out.
    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Bytes of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** Wraps without copying; for decoders that own the array. */
    static Bytes wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    /** Decodes standard base64, as DynamoDB's wire format carries binary values. */
    public static Bytes fromBase64(String base64) {
        return wrap(Base64.getDecoder().decode(base64));
    }

    /** The standard base64 form. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The number of raw bytes. */
    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index}. */
    public byte byteAt(int index) {
        return bytes[index];
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Whether these bytes start with {@code prefix}. */
    public boolean startsWith(Bytes prefix) {
        return prefix.bytes.length <= bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
