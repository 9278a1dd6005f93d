package dev.keyhole.local.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run {@code keyhole local}: where to listen, where data lives, who may call and whether IAM is
 * enforced. Immutable and checked on construction; start from {@link #defaults()} and change what differs.
 *
 * @param host the address to listen on; {@code 127.0.0.1} by default so nothing outside the machine can call
 * @param port the port, 0 to 65535; 0 picks a free one (read it back with {@link LocalServer#port()})
 * @param dataDir where STS sessions live (the caller opens the DynamoDB engine on the same directory), or
 *     {@code null} to keep everything in memory
 * @param iamFile the IAM file (format: {@link dev.keyhole.local.security.IamFile}), or {@code null} for the
 *     built-in full-access key {@code AKIAIOSFODNN7EXAMPLE}
 * @param enforceIam whether signatures are verified and IAM enforced; off ({@code --no-iam}) makes a plain
 *     local DynamoDB
 * @param region the region assumed when a request does not name one
 * @param account the 12-digit account id used when the IAM file does not name one
 * @param clock the clock for signing-time checks, session expiry and {@code aws:CurrentTime}
 */
public record LocalServerConfig(String host, int port, Path dataDir, Path iamFile, boolean enforceIam, String region,
                                String account, Clock clock) {

    public LocalServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port `" + port + "` is out of range; use 0 to 65535 (0 picks a free port)");
        }
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id `" + account + "` must be 12 digits, e.g. 000000000000");
        }
    }

    /** In memory, IAM enforced, any free port on 127.0.0.1, {@code us-east-1}, account {@code 000000000000}. */
    public static LocalServerConfig defaults() {
        return new LocalServerConfig("127.0.0.1", 0, null, null, true, "us-east-1", "000000000000", Clock.systemUTC());
    }

    public LocalServerConfig withHost(String h) {
        return new LocalServerConfig(h, port, dataDir, iamFile, enforceIam, region, account, clock);
    }

    public LocalServerConfig withPort(int p) {
        return new LocalServerConfig(host, p, dataDir, iamFile, enforceIam, region, account, clock);
    }

    /** Keeps sessions in {@code d}; {@code null} keeps them in memory. */
    public LocalServerConfig withDataDir(Path d) {
        return new LocalServerConfig(host, port, d, iamFile, enforceIam, region, account, clock);
    }

    public LocalServerConfig withIamFile(Path f) {
        return new LocalServerConfig(host, port, dataDir, f, enforceIam, region, account, clock);
    }

    public LocalServerConfig withEnforceIam(boolean e) {
        return new LocalServerConfig(host, port, dataDir, iamFile, e, region, account, clock);
    }

    public LocalServerConfig withRegion(String r) {
        return new LocalServerConfig(host, port, dataDir, iamFile, enforceIam, r, account, clock);
    }

    public LocalServerConfig withAccount(String a) {
        return new LocalServerConfig(host, port, dataDir, iamFile, enforceIam, region, a, clock);
    }

    public LocalServerConfig withClock(Clock c) {
        return new LocalServerConfig(host, port, dataDir, iamFile, enforceIam, region, account, c);
    }
}
