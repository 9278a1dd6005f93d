package dev.keyhole.drift;

import dev.keyhole.drift.map.ActionMapper;
import dev.keyhole.drift.privileges.AuthorizationDetails;
import dev.keyhole.drift.privileges.UnusedAnalyzer;
import dev.keyhole.drift.privileges.UnusedReport;
import dev.keyhole.drift.privileges.Usage;
import dev.keyhole.drift.trail.ScanStats;
import dev.keyhole.drift.trail.TrailSource;
import java.io.IOException;
import java.util.Optional;

/**
 * The unused-privileges pipeline in one call: collect what every principal used from a trail, then compare it
 * with what IAM's configuration grants. {@code keyhole privileges unused|prune} and the server's weekly report
 * share it.
 */
public final class UnusedScan {

    /**
     * What one analysis found.
     *
     * @param report per principal, what is granted and unused, and the narrowed policies
     * @param stats what the trail scan read (files it had to skip among them)
     */
    public record Result(UnusedReport report, ScanStats stats) {}

    private UnusedScan() {}

    /** Reads {@code source} in {@code o}'s window and compares the usage with {@code details}. */
    public static Result run(AuthorizationDetails details, TrailSource source, DriftScan.Options o) throws IOException {
        Usage usage = new Usage(new ActionMapper(t -> Optional.empty()));
        ScanStats stats = DriftScan.scan(source, o, usage);
        return new Result(UnusedAnalyzer.analyze(details, usage), stats);
    }
}
