package dev.keyhole.runbook.cursor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals pagination cursors with AES-256-GCM: the state is encrypted, and the binding (runbook, query,
 * parameters, principal) is authenticated as associated data, so a cursor edited, forged, or replayed
 * by another principal or with other parameters fails to open. Expiry is inside the sealed state and
 * checked against the injected clock.
 */
public final class CursorSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;

    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Cipher objects to reuse: looking one up costs more than the encryption of a cursor. A cipher is taken out
     * while one thread uses it and re-initialized with a fresh nonce every time, so none is shared or reused
     * with the same nonce.
     */
    private final ArrayBlockingQueue<Cipher> ciphers = new ArrayBlockingQueue<>(16);

    /** {@code key} must be 32 bytes. */
    public CursorSealer(byte[] key, Clock clock) {
        if (key.length != 32) {
            throw new IllegalArgumentException("cursor key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.clock = clock;
    }

    /** A new random key for a deployment. */
    public static byte[] newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** The opaque, URL-safe cursor text. */
    public String seal(CursorBinding binding, CursorState state) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(binding.associatedData());
            byte[] sealed = c.doFinal(encode(state));
            ciphers.offer(c); // only after a clean doFinal: a cipher left mid-operation is dropped
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal cursor", e);
        }
    }

    /** The state, if {@code cursor} was sealed by this key for exactly {@code binding} and has not expired. */
    public CursorState open(CursorBinding binding, String cursor) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new CursorException("the cursor is not one keyhole issued (not base64url)");
        }
        if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != VERSION) {
            throw new CursorException("the cursor is not one keyhole issued");
        }
        CursorState state;
        try {
            Cipher c = cipher();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
            c.updateAAD(binding.associatedData());
            byte[] plain = c.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
            ciphers.offer(c);
            state = decode(plain);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new CursorException("the cursor was altered, or was issued for another runbook, query, "
                    + "parameter values or person; start again without --cursor");
        } catch (GeneralSecurityException e) {
            throw new CursorException("the cursor cannot be opened");
        }
        if (!clock.instant().isBefore(state.expires())) {
            throw new CursorException("the cursor expired at " + state.expires() + "; start again without --cursor");
        }
        return state;
    }

    private Cipher cipher() throws GeneralSecurityException {
        Cipher c = ciphers.poll();
        return c != null ? c : Cipher.getInstance("AES/GCM/NoPadding");
    }

    private static byte[] encode(CursorState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(s.lastEvaluatedKey());
            out.writeInt(s.pagesRead());
            out.writeInt(s.itemsReturned());
            out.writeLong(s.expires().getEpochSecond());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static CursorState decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            return new CursorState(in.readUTF(), in.readInt(), in.readInt(), Instant.ofEpochSecond(in.readLong()));
        } catch (IOException e) {
            throw new CursorException("the cursor cannot be opened");
        }
    }
}
