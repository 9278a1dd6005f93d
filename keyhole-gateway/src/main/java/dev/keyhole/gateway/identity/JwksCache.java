package dev.keyhole.gateway.identity;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The issuer's signing keys: fetched from its JWKS URL, kept for {@link #MAX_AGE}, fetched again at once when a
 * token names a key id the cached set lacks (the issuer rotated keys). Every fetch, routine or not, waits at
 * least {@code minRefetch} after the previous attempt, so a flood of tokens with made-up key ids costs the
 * issuer one request per interval. When a routine refetch fails, the keys already held serve for up to
 * {@link #STALE_LIMIT} so a short outage of the issuer does not lock everyone out.
 */
final class JwksCache {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration STALE_LIMIT = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BYTES = 512 * 1024;

    private final URI uri;
    private final Duration minRefetch;
    private final Clock clock;
    private final HttpClient http;

    // Guarded by this. One lock for fetch and read: requests that arrive during a fetch wait for its keys
    // instead of fetching again.
    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastAttempt;
    private String lastFailure;

    JwksCache(URI uri, Duration minRefetch, Clock clock) {
        this.uri = uri;
        this.minRefetch = minRefetch;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The issuer's public keys that could have signed a token with {@code header}; empty when none could. */
    synchronized List<JWK> candidates(JWSHeader header) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            return List.of();
        }
        Instant now = clock.instant();
        if ((keys == null || !now.isBefore(fetchedAt.plus(MAX_AGE))) && mayFetch(now)) {
            fetch(now);
        }
        if (keys == null || !now.isBefore(fetchedAt.plus(STALE_LIMIT))) {
            throw new AuthenticationException("cannot fetch the issuer's signing keys from `" + uri + "`: " + lastFailure
                    + "; tried again at most every " + minRefetch.toSeconds() + " s");
        }
        List<JWK> found = new JWKSelector(matcher).select(keys);
        if (found.isEmpty() && mayFetch(now)) {
            fetch(now);
            found = new JWKSelector(matcher).select(keys);
        }
        return found;
    }

    /** How long fetches are kept apart, for messages. */
    Duration minRefetch() {
        return minRefetch;
    }

    private boolean mayFetch(Instant now) {
        return lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefetch));
    }

    /** Replaces the keys with the issuer's current set; on failure keeps the old ones and remembers why. */
    private void fetch(Instant now) {
        lastAttempt = now;
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_BYTES + 1);
            }
            if (r.statusCode() != 200) {
                lastFailure = "HTTP " + r.statusCode();
                return;
            }
            if (body.length > MAX_BYTES) {
                lastFailure = "the key set is larger than " + MAX_BYTES / 1024 + " KiB";
                return;
            }
            // Public keys only: a symmetric (`oct`) or private key published by mistake is never used to verify.
            keys = JWKSet.parse(new String(body, StandardCharsets.UTF_8)).toPublicJWKSet();
            fetchedAt = now;
            lastFailure = null;
        } catch (ParseException e) {
            lastFailure = "the response is not a JWK set (" + e.getMessage() + ")";
        } catch (IOException e) {
            lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastFailure = "interrupted";
        }
    }
}
