package dev.keyhole.server.iamauth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the signatures of sign-in tokens until they expire, so each token is accepted once.
 *
 * <p>Why, when tokens expire within minutes anyway: anyone who sees a token in those minutes — a log line, a
 * proxy, a debugging dump, a compromised sidecar — could otherwise sign in as that service as often as they like
 * until it expires. Once-only leaves them a token that is already spent.
 *
 * <p>A token is reserved <em>before</em> it is sent to STS (two copies racing each other: one wins) and released
 * when STS rejects it, so junk signatures do not fill memory. Per process: with several keyhole replicas behind
 * one audience, a captured token could be used once more at each other replica within its window.
 */
final class ReplayGuard {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final int maxEntries;

    ReplayGuard(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Reserves {@code signature} until {@code expires}; false when it was seen before and has not expired yet. */
    boolean firstUse(String signature, Instant expires, Instant now) {
        Instant live = seen.get(signature);
        if (live != null && now.isBefore(live)) {
            return false;
        }
        if (seen.size() >= maxEntries) {
            seen.values().removeIf(until -> !now.isBefore(until));
            if (seen.size() >= maxEntries) {
                throw new dev.keyhole.server.ApiError(503, "busy", "too many IAM sign-ins in the last minutes; retry shortly");
            }
        }
        Instant previous = seen.putIfAbsent(signature, expires);
        if (previous == null) {
            return true;
        }
        if (!now.isBefore(previous)) {
            // Expired; the date check refuses the token anyway, but do not let the entry linger.
            return seen.replace(signature, previous, expires);
        }
        return false;
    }

    /** Forgets {@code signature}: STS did not accept it, so it proves nothing and was never a sign-in. */
    void release(String signature) {
        seen.remove(signature);
    }

    int size() {
        return seen.size();
    }
}
