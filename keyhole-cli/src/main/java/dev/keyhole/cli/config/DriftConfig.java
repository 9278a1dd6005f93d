package dev.keyhole.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.drift.trail.TrailLocation;
import dev.keyhole.server.drift.DriftSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's drift watch from {@code keyhole.yaml} (the runbooks and the audit log are the server's own):
 * <pre>
 * drift:
 *   cloudtrail: s3://org-trail/prefix      # or a directory holding a copy of the trail bucket
 *   s3: {region: eu-west-1, endpoint: http://127.0.0.1:9000}   # both optional
 *   every: PT1H                            # scan this often, and at start
 *   lookback: P1D                          # each scan reads this far back
 *   unused:
 *     authz: iam/authorization-details.json   # aws iam get-account-authorization-details (file or directory)
 *     every: P7D                           # the unused-privileges report: weekly, and at start
 *     lookback: P90D
 *   triggeredBy: [security]                # who may press "scan now"; nobody when absent
 * </pre>
 * Relative paths are read from the configuration file's directory.
 */
public final class DriftConfig {

    private DriftConfig() {}

    /** The settings, or {@code null} without a {@code drift:} section; every problem reported at once. */
    public static DriftSettings read(JsonNode root, Path base) throws IOException {
        JsonNode d = root.path("drift");
        if (d.isMissingNode() || d.isNull()) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        GrantSettings.unknown(d, Set.of("cloudtrail", "s3", "every", "lookback", "unused", "triggeredBy"), "drift", problems);
        GrantSettings.unknown(d.path("s3"), Set.of("region", "endpoint"), "drift.s3", problems);
        JsonNode u = d.path("unused");
        GrantSettings.unknown(u, Set.of("authz", "every", "lookback"), "drift.unused", problems);
        Duration every = GrantSettings.duration(d, "every", DriftSettings.DEFAULT_EVERY, "drift", problems);
        Duration lookback = GrantSettings.duration(d, "lookback", DriftSettings.DEFAULT_LOOKBACK, "drift", problems);
        Duration unusedEvery = GrantSettings.duration(u, "every", DriftSettings.DEFAULT_UNUSED_EVERY, "drift.unused", problems);
        Duration unusedLookback = GrantSettings.duration(u, "lookback", DriftSettings.DEFAULT_UNUSED_LOOKBACK, "drift.unused",
                problems);
        Path authz = u.hasNonNull("authz") ? base.resolve(u.get("authz").asText()) : null;
        if (authz != null && !java.nio.file.Files.exists(authz)) {
            problems.add("`drift.unused.authz`: no file or directory at `" + authz + "`");
        }
        Set<String> triggeredBy = new LinkedHashSet<>();
        d.path("triggeredBy").forEach(g -> triggeredBy.add(g.asText()));
        TrailLocation trail = null;
        String where = d.path("cloudtrail").asText(null);
        try {
            String endpoint = d.path("s3").path("endpoint").asText(null);
            trail = TrailLocation.of(where == null || where.startsWith("s3://") ? where : base.resolve(where).toString(),
                    endpoint == null ? null : URI.create(endpoint), d.path("s3").path("region").asText(null));
        } catch (IllegalArgumentException e) {
            problems.add("`drift.cloudtrail`: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return new DriftSettings(trail, every, lookback, authz, unusedEvery, unusedLookback, triggeredBy);
    }
}
