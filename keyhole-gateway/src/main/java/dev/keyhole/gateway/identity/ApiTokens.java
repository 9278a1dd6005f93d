package dev.keyhole.gateway.identity;

import dev.keyhole.gateway.store.Database;
import dev.keyhole.gateway.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API tokens for people and scripts: {@code kh_<id>_<secret>}. The secret is 32 random bytes shown once; keyhole
 * keeps only its SHA-256. A high-entropy secret needs no slow key-derivation function — nobody can guess
 * 256 bits from a hash — so checking stays cheap on every request. Lookups go by id; the hash comparison is
 * constant-time.
 */
public final class ApiTokens {

    private static final Pattern FORMAT = Pattern.compile("kh_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    /** A token as {@link #list} shows it: never its secret. */
    public record TokenInfo(String id, String user, String name, Instant created, Instant expires, Instant revoked) {}

    /** A token just made: {@link #token()} is the only time its secret is seen. */
    public record Issued(TokenInfo info, String token) {}

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Makes a token for {@code user}, valid for {@code ttl}. */
    public Issued create(String user, String name, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token must live more than nothing");
        }
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        TokenInfo info = new TokenInfo(new String(id), user, name, now, now.plus(ttl), null);
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (id, username, name, secret_sha, "
                        + "created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, info.id());
                    ps.setString(2, user);
                    ps.setString(3, name);
                    ps.setString(4, sha256(secretText));
                    ps.setLong(5, now.toEpochMilli());
                    ps.setLong(6, info.expires().toEpochMilli());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot store the token: " + e.getMessage(), e);
        }
        return new Issued(info, "kh_" + info.id() + "_" + secretText);
    }

    /** The user a presented token stands for: it exists, is unexpired and unrevoked, and its secret matches. */
    public Optional<String> authenticate(String presented) {
        Matcher m = presented == null ? null : FORMAT.matcher(presented);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT username, secret_sha, expires_ms, revoked_ms FROM api_token WHERE id = ?")) {
            ps.setString(1, m.group(1));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean secretOk = MessageDigest.isEqual(rs.getString(2).getBytes(StandardCharsets.US_ASCII),
                        sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII));
                long revoked = rs.getLong(4);
                boolean live = rs.wasNull() && clock.millis() < rs.getLong(3);
                return secretOk && live ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot check the token: " + e.getMessage(), e);
        }
    }

    /** Tokens of {@code user} (null: everyone's), newest first, without secrets. */
    public List<TokenInfo> list(String user) {
        List<TokenInfo> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, username, name, created_ms, "
                + "expires_ms, revoked_ms FROM api_token" + (user == null ? "" : " WHERE username = ?") + " ORDER BY created_ms DESC")) {
            if (user != null) {
                ps.setString(1, user);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long revoked = rs.getLong(6);
                    out.add(new TokenInfo(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.wasNull() ? null : Instant.ofEpochMilli(revoked)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list tokens: " + e.getMessage(), e);
        }
        return out;
    }

    /** Revokes token {@code id} now; false when there is no such live token. */
    public boolean revoke(String id) {
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE api_token SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL")) {
                    ps.setLong(1, clock.millis());
                    ps.setString(2, id);
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot revoke the token: " + e.getMessage(), e);
        }
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
