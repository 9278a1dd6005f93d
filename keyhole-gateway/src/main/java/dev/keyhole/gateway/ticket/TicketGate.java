package dev.keyhole.gateway.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gate every run passes: asks the runbook's ticket provider and remembers <em>accepted</em> verdicts
 * for a short time, so that paging through one result does not call Jira once a page. Rejections and
 * failures are never remembered: a ticket fixed a moment ago is seen at once. Thread-safe.
 *
 * <p>A remembered verdict is keyed by provider, ticket, requester and runbook: the runbook is part of the
 * key because a webhook may accept a ticket for one runbook and not another.
 */
public final class TicketGate {

    /** How long an accepted verdict is reused unless told otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 1024;

    private record Key(String provider, String ticket, String requester, String runbook) {}

    private record Remembered(TicketVerdict verdict, Instant until) {}

    private final TicketProviders providers;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Remembered> accepted = new ConcurrentHashMap<>();

    /** A gate that remembers accepted verdicts for {@link #DEFAULT_TTL} by the system clock. */
    public TicketGate(TicketProviders providers) {
        this(providers, DEFAULT_TTL, Clock.systemUTC());
    }

    /** A gate that remembers accepted verdicts for {@code ttl} ({@code 0}: never) as {@code clock} tells time. */
    public TicketGate(TicketProviders providers, Duration ttl, Clock clock) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ticket cache ttl must not be negative, not " + ttl);
        }
        this.providers = providers;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The verdict of provider {@code providerName} on {@code q}, from memory when it accepted the same
     * ticket for the same requester and runbook less than the TTL ago.
     *
     * @throws IllegalArgumentException when there is no such provider
     * @throws TicketCheckException when the provider could not answer; the run must be refused
     */
    public TicketVerdict check(String providerName, TicketQuery q) {
        TicketProvider provider = providers.provider(providerName);
        Key key = new Key(providerName, q.ticket(), q.requester(), q.runbook());
        Instant now = clock.instant();
        Remembered r = accepted.get(key);
        if (r != null && now.isBefore(r.until())) {
            return r.verdict();
        }
        if (r != null) {
            accepted.remove(key, r);
        }
        TicketVerdict verdict = provider.check(q);
        if (verdict.accepted() && !ttl.isZero()) {
            remember(key, new Remembered(verdict, now.plus(ttl)), now);
        }
        return verdict;
    }

    private void remember(Key key, Remembered r, Instant now) {
        if (accepted.size() >= MAX_ENTRIES) {
            accepted.values().removeIf(old -> !now.isBefore(old.until()));
            if (accepted.size() >= MAX_ENTRIES) {
                // Only a cache: dropping it costs calls, never correctness.
                accepted.clear();
            }
        }
        accepted.put(key, r);
    }
}
