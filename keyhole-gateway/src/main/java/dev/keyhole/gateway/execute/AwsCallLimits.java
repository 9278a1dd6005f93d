package dev.keyhole.gateway.execute;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    /**
     * The timer every keyhole client arms its timeouts on. The SDK arms two per call (attempt and call) and
     * cancels both when the answer comes, so nearly none ever fires; what matters is that arming one is cheap.
     * A {@link ScheduledThreadPoolExecutor} wakes its thread whenever a new task becomes the earliest one, which
     * for a lone caller is every call (the queue is empty between calls): two thread wake-ups per query, measured
     * as the largest part of what a run added at one caller (keyhole-bench's RunOverhead). A periodic no-op keeps
     * an earlier task at the head, so arming a 10-second timeout wakes nobody; cancelled timeouts leave the queue
     * at once. One thread for the process instead of a pool of its own per SDK client (one client per set of
     * credentials). A daemon: it holds no process open; clients never shut it down (the SDK leaves an executor
     * it was given alone).
     */
    static final ScheduledExecutorService TIMER = timer();

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("keyhole-aws-timeouts").daemon().factory());
        t.setRemoveOnCancelPolicy(true);
        t.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
        return t;
    }

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
                .scheduledExecutorService(TIMER)
                .build();
    }
}
