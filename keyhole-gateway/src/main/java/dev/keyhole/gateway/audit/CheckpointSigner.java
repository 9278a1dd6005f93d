package dev.keyhole.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs checkpoints with an Ed25519 key. The private key lives in a file readable by its owner only;
 * the public key is exported as PEM ({@link #publicKeyPem()}) for whoever verifies the log.
 */
public final class CheckpointSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /** A fresh key held in memory only (tests, throwaway logs). */
    public static CheckpointSigner generate() {
        KeyPair kp = newKeyPair();
        return new CheckpointSigner(kp.getPrivate(), kp.getPublic());
    }

    /**
     * The key in {@code privateKeyFile} (PKCS#8 PEM) and its public half beside it ({@code .pub}); both are
     * created, owner-only, when missing.
     */
    public static CheckpointSigner loadOrCreate(Path privateKeyFile) throws IOException {
        Path publicFile = privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
        if (!Files.exists(privateKeyFile)) {
            create(privateKeyFile, publicFile);
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateKeyFile))));
            PublicKey pub = readPublicKey(Files.readString(publicFile));
            return new CheckpointSigner(priv, pub);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("audit signing key `" + privateKeyFile + "` (or its `.pub`) is not an Ed25519 "
                    + "key in PEM: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the key pair, one process and one thread at a time: gateways starting together on a new key
     * file must all end up with the same pair. The public half goes first, so whoever sees the private
     * file sees its public half complete.
     */
    private static synchronized void create(Path privateKeyFile, Path publicFile) throws IOException {
        Path dir = privateKeyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path lockFile = privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".lock");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = ch.lock()) {
            if (Files.exists(privateKeyFile)) {
                return; // another process made it while we waited
            }
            KeyPair kp = newKeyPair();
            publish(dir, publicFile, pem("PUBLIC KEY", kp.getPublic().getEncoded()));
            publish(dir, privateKeyFile, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
        }
    }

    /** Writes {@code text} to {@code target} owner-only, all at once. */
    private static void publish(Path dir, Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(dir, ".audit-key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile's ACLs protect it.
        }
        Files.writeString(tmp, text);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads an Ed25519 public key from PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(unpem(pem)));
    }

    /** Signs that the chain reached {@code seq} with {@code hash} at {@code time}. */
    public Checkpoint sign(long seq, String hash, Instant time) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(Checkpoint.message(seq, hash, time));
            return new Checkpoint(seq, hash, time, keyId, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint: " + e.getMessage(), e);
        }
    }

    /** Whether {@code c} carries a valid signature by {@code key}. */
    public static boolean verify(Checkpoint c, PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(c.message());
            return s.verify(Base64.getDecoder().decode(c.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The first 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
