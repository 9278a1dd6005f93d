package dev.keyhole.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link of the chain: {@code hash(n) = SHA-256(hash(n-1) || seq(n) as 8 bytes big-endian || UTF-8
 * payload(n))}, with 32 zero bytes before the first record. Any edit, deletion, insertion or reordering
 * changes every later hash. Not thread-safe: one per thread.
 */
public final class ChainHash {

    /** The hash "before" record 1, in hex. */
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final byte[] seqBytes = new byte[8];

    public ChainHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The hash of record {@code seq} with {@code payload}, after a record whose hash is {@code previous}. */
    public byte[] next(byte[] previous, long seq, String payload) {
        return next(previous, seq, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #next(byte[], long, String)}, for a payload already in UTF-8. */
    public byte[] next(byte[] previous, long seq, byte[] payload) {
        for (int i = 7; i >= 0; i--) {
            seqBytes[i] = (byte) seq;
            seq >>>= 8;
        }
        sha256.update(previous);
        sha256.update(seqBytes);
        sha256.update(payload);
        return sha256.digest();
    }

    /** Whether {@code hex} (lowercase, as stored) spells {@code hash}; no allocation, for verifying fast. */
    public static boolean matches(byte[] hash, String hex) {
        if (hex == null || hex.length() != hash.length * 2) {
            return false;
        }
        for (int i = 0; i < hash.length; i++) {
            int b = hash[i] & 0xff;
            if (hex.charAt(2 * i) != DIGITS[b >>> 4] || hex.charAt(2 * i + 1) != DIGITS[b & 0xf]) {
                return false;
            }
        }
        return true;
    }

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }
}
