package dev.keyhole.cli.privileges;

import dev.keyhole.cli.drift.BarProgress;
import dev.keyhole.cli.drift.TrailSourceOptions;
import dev.keyhole.drift.DriftScan;
import dev.keyhole.drift.Progress;
import dev.keyhole.drift.UnusedScan;
import dev.keyhole.drift.privileges.AuthorizationDetails;
import dev.keyhole.drift.privileges.AuthorizationDetailsReader;
import dev.keyhole.drift.privileges.LiveAuthorizationDetails;
import dev.keyhole.drift.privileges.UnusedReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;

/** What {@code privileges unused} and {@code prune} read: IAM (a file or the API) and a trail over N days. */
public final class UsageInputs {

    /** Exactly one way to IAM's configuration. */
    static final class Authz {
        @Option(names = "--authz", paramLabel = "FILE",
                description = "Output of `aws iam get-account-authorization-details` (pages may follow one another, or a directory of pages).")
        Path file;

        @Option(names = "--live", description = "Read it through the IAM API with the SDK's default credentials.")
        boolean live;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Authz authz;

    @Option(names = "--cloudtrail", paramLabel = "SOURCE", description = "The trail: directory, file, s3://BUCKET/PREFIX or -.")
    String cloudtrail;

    @Option(names = "--days", defaultValue = "90", paramLabel = "N", description = "Look at the last N days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--iam-endpoint", paramLabel = "URL", description = "An IAM endpoint instead of AWS's (tests, proxies).")
    URI iamEndpoint;

    @CommandLine.Mixin
    TrailSourceOptions sourceOptions;

    /** Whether the inputs for an analysis were given. */
    Optional<String> missing() {
        if (authz == null) {
            return Optional.of("give --authz FILE or --live");
        }
        if (cloudtrail == null) {
            return Optional.of("give --cloudtrail SOURCE");
        }
        return days <= 0 ? Optional.of("--days must be positive") : Optional.empty();
    }

    IamClient iam() {
        IamClientBuilder b = IamClient.builder().region(Region.AWS_GLOBAL);
        if (iamEndpoint != null) {
            b.endpointOverride(iamEndpoint);
        }
        return b.build();
    }

    /** Reads IAM and the trail and compares them. */
    UnusedReport analyze(java.io.PrintWriter err) throws IOException {
        AuthorizationDetails details;
        if (authz.live) {
            try (IamClient iam = iam()) {
                details = LiveAuthorizationDetails.fetch(iam);
            }
        } else {
            details = AuthorizationDetailsReader.read(authz.file);
        }
        Instant now = Instant.now();
        Instant since = now.minus(Duration.ofDays(days));
        DriftScan.Options o = DriftScan.Options.defaults().window(since, now).withThreads(sourceOptions.threads())
                .withProgress(sourceOptions.progress() ? new BarProgress("usage") : Progress.none());
        UnusedScan.Result r = UnusedScan.run(details, sourceOptions.open(cloudtrail, since, now), o);
        r.stats().problems().forEach(p -> err.println("keyhole: skipped " + p));
        if (details.incomplete()) {
            err.println("keyhole: the IAM input's last page says more follow (IsTruncated); principals on missing pages are not analysed");
        }
        return r.report();
    }
}
