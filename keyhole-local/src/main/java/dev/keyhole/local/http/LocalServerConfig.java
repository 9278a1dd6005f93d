package dev.keyhole.local.http;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run the local engine.
 *
 * @param host the address to listen on (default {@code 127.0.0.1})
 * @param port the port; 0 picks a free one
 * @param dataDir where data and sessions live, or {@code null} for in-memory
 * @param iamFile the IAM file, or {@code null} for the built-in admin identity
 * @param enforceIam whether signatures are verified and IAM enforced ({@code --no-iam} turns both off)
 * @param region the region reported when a request does not say
 * @param account the account id when the IAM file does not say
 * @param clock the clock for signatures, sessions and {@code aws:CurrentTime}
 */
public record LocalServerConfig(String host, int port, Path dataDir, Path iamFile, boolean enforceIam, String region,
                                String account, Clock clock) {

    /** In-memory, IAM enforced, any free port on 127.0.0.1, us-east-1, account 000000000000. */
    public static LocalServerConfig defaults() {
        return new LocalServerConfig("127.0.0.1", 0, null, null, true, "us-east-1", "000000000000", Clock.systemUTC());
    }

    public LocalServerConfig withPort(int p) {
        return new LocalServerConfig(host, p, dataDir, iamFile, enforceIam, region, account, clock);
    }

    public LocalServerConfig withDataDir(Path d) {
        return new LocalServerConfig(host, port, d, iamFile, enforceIam, region, account, clock);
    }

    public LocalServerConfig withIamFile(Path f) {
        return new LocalServerConfig(host, port, dataDir, f, enforceIam, region, account, clock);
    }

    public LocalServerConfig withEnforceIam(boolean e) {
        return new LocalServerConfig(host, port, dataDir, iamFile, e, region, account, clock);
    }

    public LocalServerConfig withClock(Clock c) {
        return new LocalServerConfig(host, port, dataDir, iamFile, enforceIam, region, account, c);
    }
}
