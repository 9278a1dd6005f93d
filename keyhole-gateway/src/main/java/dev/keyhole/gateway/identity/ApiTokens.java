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
 * API tokens for people and scripts, kept in keyhole's state database: {@code kh_<id>_<secret>}, where the
 * id (public, shown by {@link #list}) finds the row and the secret — 32 bytes from {@link SecureRandom} — is
 * shown once by {@link #create} and never stored. keyhole keeps only its SHA-256.
 *
 * <p>Why a plain hash and not a slow key-derivation function (bcrypt, scrypt, Argon2): those exist to make
 * guessing low-entropy passwords expensive. A 256-bit random secret cannot be guessed from its hash at any
 * speed, so a fast hash loses nothing and keeps the check cheap on every request.
 *
 * <p>Which user a token stands for is decided here; which groups that user has is not: the caller looks
 * them up at each request, so group changes need no new token.
 */
public final class ApiTokens {

    private static final Pattern FORMAT = Pattern.compile("kh_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
    // No 0/O, 1/l/I: ids are read aloud and typed from `keyhole tokens list`.
    private static final char[] ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int MAX_NAME = 64;

    /**
     * A token as {@link #list} shows it: never its secret nor its hash.
     *
     * @param revoked when it was revoked, or {@code null}
     */
    public record TokenInfo(String id, String user, String name, Instant created, Instant expires, Instant revoked) {

        /** Whether it would authenticate at {@code now} (given the right secret). */
        public boolean liveAt(Instant now) {
            return revoked == null && now.isBefore(expires);
        }
    }

    /** A token just made: {@link #token()} is the only time its secret is seen. */
    public record Issued(TokenInfo info, String token) {

        /** Without the secret, so a logged {@code Issued} gives nothing away. */
        @Override
        public String toString() {
            return "Issued[info=" + info + ", token=kh_" + info.id() + "_…]";
        }
    }

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Makes a token for {@code user}, named {@code name} (what it is for), valid for {@code ttl} from now. */
    public Issued create(String user, String name, Duration ttl) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a token needs a user");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a token's name must be 1 to " + MAX_NAME + " characters");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token must live longer than nothing; give a positive duration such as P90D");
        }
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.ofEpochMilli(clock.millis());
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

    /** The user {@code presented} stands for when it exists, is unexpired and unrevoked, and its secret matches. */
    public Optional<String> authenticate(String presented) {
        try {
            return Optional.of(verify(presented));
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #authenticate}, saying why not. Only a holder of the right secret learns that a token expired or
     * was revoked; a wrong secret and an unknown id read the same.
     */
    public String verify(String presented) {
        Matcher m = presented == null ? null : FORMAT.matcher(presented);
        if (m == null || !m.matches()) {
            throw new AuthenticationException("the api token is malformed; keyhole api tokens look like `kh_<id>_<secret>`");
        }
        String id = m.group(1);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT username, secret_sha, expires_ms, revoked_ms FROM api_token WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                // The id is public (tokens list prints it), so answering faster for an unknown one reveals nothing.
                if (!rs.next() || !MessageDigest.isEqual(rs.getString(2).getBytes(StandardCharsets.US_ASCII),
                        sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII))) {
                    throw new AuthenticationException("the api token is unknown; check it was copied whole, or create "
                            + "one with `keyhole tokens create USER`");
                }
                String user = rs.getString(1);
                Instant expires = Instant.ofEpochMilli(rs.getLong(3));
                long revoked = rs.getLong(4);
                if (!rs.wasNull()) {
                    throw new AuthenticationException("the api token `" + id + "` was revoked at "
                            + Instant.ofEpochMilli(revoked) + "; ask for a new one");
                }
                if (!clock.instant().isBefore(expires)) {
                    throw new AuthenticationException("the api token `" + id + "` expired at " + expires
                            + "; create a new one with `keyhole tokens create " + user + "`");
                }
                return user;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot check the token: " + e.getMessage(), e);
        }
    }

    /** Tokens of {@code user} ({@code null}: everyone's), newest first, without secrets. */
    public List<TokenInfo> list(String user) {
        List<TokenInfo> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, username, name, created_ms, "
                + "expires_ms, revoked_ms FROM api_token" + (user == null ? "" : " WHERE username = ?")
                + " ORDER BY created_ms DESC, id")) {
            if (user != null) {
                ps.setString(1, user);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long revokedMs = rs.getLong(6);
                    // wasNull speaks of the last column read: ask it before reading any other.
                    Instant revoked = rs.wasNull() ? null : Instant.ofEpochMilli(revokedMs);
                    out.add(new TokenInfo(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            Instant.ofEpochMilli(rs.getLong(5)), revoked));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list tokens: " + e.getMessage(), e);
        }
        return out;
    }

    /** Revokes token {@code id} now; false when there is no such token or it was already revoked. */
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

    // INVARIANT: tokens already issued were hashed this way (hex SHA-256 of the base64url text); changing it
    // invalidates every stored token.
    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
