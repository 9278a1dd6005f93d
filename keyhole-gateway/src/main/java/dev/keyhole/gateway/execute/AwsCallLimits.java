package dev.keyhole.gateway.execute;

import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * How long and how often keyhole tries one AWS call (DynamoDB or STS) before it gives the caller a clear
 * error: at most {@code maxAttempts} attempts with the SDK's standard retry strategy (exponential backoff
 * with jitter, longer after throttling), each attempt cut off after {@code attemptTimeout}, the whole call,
 * retries and backoff included, after {@code callTimeout}. A slow or stopped service never holds a run, or
 * the audit record it owes, for longer than that.
 *
 * @param maxAttempts attempts per call, the first included (1 = no retry)
 * @param attemptTimeout the longest one attempt may take
 * @param callTimeout the longest a call may take, all attempts and backoff included
 */
public record AwsCallLimits(int maxAttempts, Duration attemptTimeout, Duration callTimeout) {

    /** Limits for a gateway: 5 attempts, 10 seconds each, 30 seconds in all. */
    public static final AwsCallLimits DEFAULT = new AwsCallLimits(5, Duration.ofSeconds(10), Duration.ofSeconds(30));

    public AwsCallLimits {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || callTimeout.compareTo(attemptTimeout) < 0) {
            throw new IllegalArgumentException("timeouts must be positive, the call's at least the attempt's: "
                    + attemptTimeout + " per attempt, " + callTimeout + " per call");
        }
    }

    /** These limits with {@code n} attempts. */
    public AwsCallLimits withMaxAttempts(int n) {
        return new AwsCallLimits(n, attemptTimeout, callTimeout);
    }

    /** The SDK client configuration that enforces them. */
    public ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .retryStrategy(s -> s.maxAttempts(maxAttempts))
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(callTimeout)
                .build();
    }
}
