package dev.keyhole.drift.classify;

import dev.keyhole.drift.map.ActionMapper;
import dev.keyhole.drift.trail.ScanStats;
import dev.keyhole.drift.trail.TrailEvent;
import dev.keyhole.dynamo.iam.IamCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Classifies events as a scan hands them over, from many threads, keeping only folded findings and
 * the denials (for burst detection) — never the events themselves. Order does not matter: bursts are
 * found after the scan, on the denials sorted by time.
 */
public final class DriftAnalysis implements Consumer<TrailEvent> {

    private final ActionMapper mapper;
    private final Classifier classifier;
    private final int burstSize;
    private final Duration burstWindow;
    private final Map<Kind, LongAdder> counts = new EnumMap<>(Kind.class);
    private final Map<Key, Fold> folds = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Denial> denials = new ConcurrentLinkedQueue<>();

    /**
     * @param mapper event → IAM checks
     * @param classifier checks → verdict
     * @param burstSize this many AccessDenied errors for one principal ...
     * @param burstWindow ... within this long are a burst
     */
    public DriftAnalysis(ActionMapper mapper, Classifier classifier, int burstSize, Duration burstWindow) {
        this.mapper = mapper;
        this.classifier = classifier;
        this.burstSize = burstSize;
        this.burstWindow = burstWindow;
        for (Kind k : Kind.values()) {
            counts.put(k, new LongAdder());
        }
    }

    @Override
    public void accept(TrailEvent e) {
        List<IamCheck> checks = mapper.checks(e);
        Verdict v = classifier.classify(e, checks);
        counts.get(v.kind()).increment();
        String principal = switch (v.kind()) {
            case EXPECTED, KEYHOLE_UNAUDITED, KEYHOLE_OUTSIDE_RECORD, KEYHOLE_AFTER_EXPIRY ->
                    e.identity().arn() == null ? e.identity().principalArn() : e.identity().arn();
            default -> e.identity().principalArn();
        };
        IamCheck c = checks.get(0);
        if (v.kind() != Kind.EXPECTED) {
            fold(v.kind(), principal, c, e, v.reason());
        }
        for (Kind k : v.callouts()) {
            fold(k, principal, c, e, k == Kind.SCAN ? "Scan reads every item of `" + c.resource() + "`"
                    : "region `" + e.region() + "` is not one any runbook targets");
        }
        if (e.isAccessDenied()) {
            denials.add(new Denial(principal, e.time(), e.eventId(), c.action(), c.resource(), e.region(),
                    e.identity().sourceIdentity()));
        }
    }

    private void fold(Kind kind, String principal, IamCheck c, TrailEvent e, String reason) {
        folds.computeIfAbsent(new Key(kind, principal, c.action(), c.resource(), e.region()),
                k -> new Fold()).add(e.time(), e.eventId(), reason, e.identity().sourceIdentity());
    }

    /** The report, once the scan is over. */
    public DriftReport report(String source, Instant since, Instant until, ScanStats stats) {
        List<Finding> out = new ArrayList<>();
        folds.forEach((k, f) -> out.add(f.finding(k)));
        out.addAll(bursts());
        // Ties broken down to the last field, so the same trail gives the same report whatever order the
        // scanning threads handed its events over in.
        out.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::first)
                .thenComparing(Finding::principal).thenComparing(f -> f.kind().id())
                .thenComparing(Finding::action, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Finding::resource, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Finding::region, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (Kind k : List.of(Kind.EXPECTED, Kind.KEYHOLE_UNAUDITED, Kind.KEYHOLE_OUTSIDE_RECORD, Kind.KEYHOLE_AFTER_EXPIRY,
                Kind.STANDING_RUNBOOK_WORK, Kind.OUT_OF_PATTERN)) {
            byKind.put(k.id(), counts.get(k).sum());
        }
        return new DriftReport(source, since, until, stats, byKind, out);
    }

    private List<Finding> bursts() {
        Map<String, List<Denial>> byPrincipal = new LinkedHashMap<>();
        denials.stream().sorted(Comparator.comparing(Denial::time).thenComparing(Denial::eventId,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(d -> byPrincipal.computeIfAbsent(d.principal(), p -> new ArrayList<>()).add(d));
        List<Finding> out = new ArrayList<>();
        byPrincipal.forEach((p, list) -> {
            int i = 0;
            while (i < list.size()) {
                int j = i;
                // Grow the burst while the next denial is within the window of the one burstSize-1 before it.
                while (j + 1 < list.size() && Duration.between(list.get(Math.max(i, j + 2 - burstSize)).time(),
                        list.get(j + 1).time()).compareTo(burstWindow) <= 0) {
                    j++;
                }
                int n = j - i + 1;
                if (n >= burstSize && Duration.between(list.get(i).time(), list.get(i + burstSize - 1).time())
                        .compareTo(burstWindow) <= 0) {
                    Denial d = list.get(i);
                    out.add(new Finding(Kind.ACCESS_DENIED_BURST, p, d.sourceIdentity(), d.action(), d.resource(),
                            d.region(), n, d.time(), list.get(j).time(),
                            list.subList(i, Math.min(j + 1, i + 5)).stream().map(Denial::eventId).toList(),
                            n + " AccessDenied errors between " + d.time() + " and " + list.get(j).time()));
                    i = j + 1;
                } else {
                    i++;
                }
            }
        });
        return out;
    }

    private record Key(Kind kind, String principal, String action, String resource, String region) {}

    private record Denial(String principal, Instant time, String eventId, String action, String resource, String region,
                          String sourceIdentity) {}

    /** An event's place in a finding: by time, then by id. */
    private record Sighting(Instant time, String id) implements Comparable<Sighting> {
        private static final Comparator<Sighting> ORDER = Comparator.comparing(Sighting::time)
                .thenComparing(Sighting::id, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Sighting o) {
            return ORDER.compare(this, o);
        }
    }

    /**
     * One finding being folded; synchronized because events arrive from many threads. What it shows of single
     * events (the examples, the reason and source identity) comes from the earliest ones, not from whichever thread
     * came first, so a report does not change from one scan of the same trail to the next.
     */
    private static final class Fold {
        private static final int EXAMPLES = 5;

        private String reason;
        private String sourceIdentity;
        private long count;
        private Sighting first;
        private Instant last;
        private final List<Sighting> earliest = new ArrayList<>(EXAMPLES + 1);

        synchronized void add(Instant t, String id, String reason, String sourceIdentity) {
            count++;
            Sighting s = new Sighting(t, id);
            if (first == null || s.compareTo(first) < 0) {
                first = s;
                this.reason = reason;
                this.sourceIdentity = sourceIdentity;
            }
            last = last == null || t.isAfter(last) ? t : last;
            if (id != null && (earliest.size() < EXAMPLES || s.compareTo(earliest.get(EXAMPLES - 1)) < 0)) {
                int at = java.util.Collections.binarySearch(earliest, s);
                if (at < 0) {
                    earliest.add(-at - 1, s);
                    if (earliest.size() > EXAMPLES) {
                        earliest.remove(EXAMPLES);
                    }
                }
            }
        }

        synchronized Finding finding(Key k) {
            return new Finding(k.kind(), k.principal(), sourceIdentity, k.action(), k.resource(), k.region(), count,
                    first.time(), last, earliest.stream().map(Sighting::id).sorted().toList(), reason);
        }
    }
}
