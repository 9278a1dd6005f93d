package dev.keyhole.server;

import dev.keyhole.gateway.Caller;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions: a random id in an HttpOnly, SameSite=Strict cookie, and a CSRF token that cookie-
 * authenticated writes must echo. Held in memory; a restart signs everyone out, which is the safe failure.
 * Sessions are found by the SHA-256 of their id, so looking one up never compares a presented id with a
 * real one character by character (which could leak, through timing, how much of it was right).
 */
public final class Sessions {

    /** One signed-in browser. */
    public record Session(String id, String user, String csrf, Instant expires) {}

    public static final String COOKIE = "kh_session";
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration ttl;

    public Sessions(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Signs {@code caller} in. */
    public Session open(Caller caller) {
        Session s = new Session(token(), caller.name(), token(), clock.instant().plus(ttl));
        Instant now = clock.instant();
        byId.values().removeIf(old -> !now.isBefore(old.expires()));
        byId.put(key(s.id()), s);
        return s;
    }

    /** The live session with id {@code id}; expired ones are dropped. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String key = key(id);
        Session s = byId.get(key);
        if (s == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(s.expires())) {
            byId.remove(key);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(key(id));
        }
    }

    private static String key(String id) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(Session s, String presented) {
        return presented != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
