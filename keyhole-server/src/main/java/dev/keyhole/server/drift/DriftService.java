package dev.keyhole.server.drift;

import dev.keyhole.drift.DriftScan;
import dev.keyhole.drift.UnusedScan;
import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.privileges.AuthorizationDetailsReader;
import dev.keyhole.drift.privileges.UnusedReport;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.AuditEvent;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.Http;
import dev.keyhole.server.Services;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the server's view of drift current: scans CloudTrail against the server's runbooks and audit log at
 * start and every {@link DriftSettings#every()}, makes the unused-privileges report at start and every
 * {@link DriftSettings#unusedEvery()} (weekly), and runs a scan when a member of {@code triggeredBy} asks.
 *
 * <p>Time is the services' clock: {@link #tick()} does whatever is due by it, so tests move a clock and tick
 * instead of sleeping; {@link #start()} only calls {@code tick} on a timer. Scans run one at a time.
 */
public final class DriftService implements AutoCloseable {

    /** How often the timer asks whether something is due. */
    static final Duration TIMER = Duration.ofSeconds(30);

    /**
     * A finished scan.
     *
     * @param at when it ran
     * @param by who asked, or {@code schedule}
     * @param report what it found
     */
    public record Scan(Instant at, String by, DriftReport report) {}

    /**
     * A finished unused-privileges report.
     *
     * @param at when it was made
     * @param result the report and what the trail scan read
     */
    public record Unused(Instant at, UnusedScan.Result result) {}

    /**
     * The last thing that failed, so people see that the findings shown may be stale.
     *
     * @param at when
     * @param what {@code scan} or {@code unused}
     * @param message why, for people
     */
    public record Failure(Instant at, String what, String message) {}

    private final DriftSettings settings;
    private final Services services;
    private final PrintStream log;
    private final Object running = new Object();
    private volatile Scan lastScan;
    private volatile Unused lastUnused;
    private volatile Failure lastFailure;
    private Instant nextScan;
    private Instant nextUnused;
    private ScheduledExecutorService timer;

    /** @param log where a failed scheduled scan is reported (one line) */
    public DriftService(DriftSettings settings, Services services, PrintStream log) {
        this.settings = settings;
        this.services = services;
        this.log = log;
    }

    /** Now, by the server's clock. */
    public Instant now() {
        return services.clock().instant();
    }

    public DriftSettings settings() {
        return settings;
    }

    public Optional<Scan> lastScan() {
        return Optional.ofNullable(lastScan);
    }

    public Optional<Unused> lastUnused() {
        return Optional.ofNullable(lastUnused);
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Whether the unused-privileges report is configured (it needs IAM's authorization details). */
    public boolean reportsUnused() {
        return settings.authz() != null;
    }

    /** Whether {@code c} may start a scan: a member of one of the {@code triggeredBy} groups. */
    public boolean mayTrigger(Caller c) {
        return c.groups().stream().anyMatch(settings.triggeredBy()::contains);
    }

    /**
     * Runs whatever is due by the clock: a scan at the first tick and every {@code every} after the last, the
     * unused report at the first tick and every {@code unusedEvery} after the last. A failure is kept and
     * logged; the next attempt is a full period later (no tight retry loop against a failing bucket).
     */
    public void tick() {
        Instant now = services.clock().instant();
        synchronized (running) {
            if (nextScan == null || !now.isBefore(nextScan)) {
                nextScan = now.plus(settings.every());
                try {
                    scan("schedule");
                } catch (IOException | RuntimeException e) {
                    failed("scan", e);
                }
            }
            if (reportsUnused() && (nextUnused == null || !now.isBefore(nextUnused))) {
                nextUnused = now.plus(settings.unusedEvery());
                try {
                    unused();
                } catch (IOException | RuntimeException e) {
                    failed("unused", e);
                }
            }
        }
    }

    /**
     * A scan now, for {@code who}; audited (a refusal too). Refused with 403 unless {@code who} is in a
     * {@code triggeredBy} group.
     *
     * @param correlationId the request's, for the audit record
     */
    public Scan scanNow(Caller who, String correlationId) {
        if (!mayTrigger(who)) {
            String why = "only members of " + (settings.triggeredBy().isEmpty() ? "no group (drift.triggeredBy is empty)"
                    : "`" + String.join("`, `", new TreeSet<>(settings.triggeredBy())) + "`") + " may start a drift scan";
            services.audit().append(AuditEvent.of(AuditEvent.Type.REFUSED, correlationId, services.clock().instant(), who.name())
                    .with(AuditEvent.Field.DECISION, "refuse").with(AuditEvent.Field.OUTCOME, "refused")
                    .with(AuditEvent.Field.REASON, "drift scan: " + why).build());
            throw new ApiError(403, "not-allowed", why);
        }
        Scan s;
        synchronized (running) {
            try {
                s = scan(who.name());
            } catch (IOException | RuntimeException e) {
                failed("scan", e);
                services.audit().append(AuditEvent.of(AuditEvent.Type.DRIFT, correlationId, services.clock().instant(),
                        who.name()).with(AuditEvent.Field.OUTCOME, "failed").with(AuditEvent.Field.ERROR, e.getMessage()).build());
                throw new ApiError(502, "drift-scan-failed", "the drift scan failed: " + e.getMessage());
            }
        }
        DriftReport r = s.report();
        services.audit().append(AuditEvent.of(AuditEvent.Type.DRIFT, correlationId, s.at(), who.name())
                .with(AuditEvent.Field.OUTCOME, "scanned").with("findings", r.findings().size())
                .with(AuditEvent.Field.REASON, "drift scan of " + r.source() + ": " + r.findings().size()
                        + " findings" + r.highest().map(h -> ", highest " + h.word()).orElse("")).build());
        return s;
    }

    private Scan scan(String by) throws IOException {
        Instant now = services.clock().instant();
        Instant since = now.minus(settings.lookback());
        DriftReport report;
        try {
            report = DriftScan.run(settings.trail().open(since, now), services.runbooks().get(),
                    AuditSessions.read(services.audit().store(), since, now), DriftScan.Options.defaults().window(since, now));
        } catch (java.sql.SQLException e) {
            throw new IOException("the audit log could not be read: " + e.getMessage(), e);
        }
        Scan s = new Scan(now, by, report);
        lastScan = s;
        cleared("scan");
        return s;
    }

    private void unused() throws IOException {
        Instant now = services.clock().instant();
        Instant since = now.minus(settings.unusedLookback());
        UnusedScan.Result r = UnusedScan.run(AuthorizationDetailsReader.read(settings.authz()),
                settings.trail().open(since, now), DriftScan.Options.defaults().window(since, now));
        lastUnused = new Unused(now, r);
        cleared("unused");
    }

    /** A success makes the last failure of the same work history. */
    private void cleared(String what) {
        Failure f = lastFailure;
        if (f != null && f.what().equals(what)) {
            lastFailure = null;
        }
    }

    private void failed(String what, Exception e) {
        lastFailure = new Failure(services.clock().instant(), what, String.valueOf(e.getMessage()));
        log.println(Http.object().put("time", lastFailure.at().toString()).put("level", "warn")
                .put("detail", "drift " + what + " failed: " + e.getMessage()));
    }

    /** Ticks now and then every {@link #TIMER} on a daemon thread, until closed. */
    public DriftService start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keyhole-drift");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, TIMER.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        settings.trail().close();
    }
}
