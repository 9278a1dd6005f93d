package dev.keyhole.local.http;

import dev.keyhole.local.dynamodb.DynamoDbException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the local engine shows on request, so callers' retries, timeouts and error reports can be tested
 * against the real wire protocol: throttled DynamoDB requests (with the error shapes DynamoDB answers),
 * slow DynamoDB or STS answers. It also counts the requests each service received, so a test can count a
 * client's attempts. Off until told otherwise; thread-safe.
 */
public final class EngineFaults {

    /**
     * How DynamoDB says a request was throttled (HTTP 400, see "Error handling with DynamoDB",
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
     */
    public enum Throttle {
        /** A table or index over its provisioned (or on-demand) throughput. */
        PROVISIONED_THROUGHPUT(DynamoDbException.DYNAMODB + "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing "
                        + "your provisioning level with the UpdateTable API."),
        /** Requests made faster than DynamoDB admits them (control plane, account limits). */
        THROTTLING("com.amazon.coral.availability#ThrottlingException",
                "Rate of requests exceeds the allowed throughput.");

        private final String type;
        private final String message;

        Throttle(String type, String message) {
            this.type = type;
            this.message = message;
        }

        DynamoDbException exception() {
            return new DynamoDbException(type, message, 400);
        }
    }

    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicReference<Throttle> throttle = new AtomicReference<>(Throttle.PROVISIONED_THROUGHPUT);
    private final AtomicReference<Duration> dynamoDbDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Duration> stsDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger dynamoDbRequests = new AtomicInteger();
    private final AtomicInteger stsRequests = new AtomicInteger();

    /** Throttles the next {@code n} authorized DynamoDB requests as {@code how}. */
    public void throttleNext(int n, Throttle how) {
        throttle.set(how);
        throttleNext.set(n);
    }

    /** Answers every DynamoDB request only after {@code delay} (zero: at once). */
    public void delayDynamoDb(Duration delay) {
        dynamoDbDelay.set(delay);
    }

    /** Answers every STS request only after {@code delay} (zero: at once). */
    public void delaySts(Duration delay) {
        stsDelay.set(delay);
    }

    /** Back to a healthy engine; the counts stay. */
    public void clear() {
        throttleNext.set(0);
        dynamoDbDelay.set(Duration.ZERO);
        stsDelay.set(Duration.ZERO);
    }

    /** DynamoDB requests received so far, throttled ones included. */
    public int dynamoDbRequests() {
        return dynamoDbRequests.get();
    }

    /** STS requests received so far. */
    public int stsRequests() {
        return stsRequests.get();
    }

    /** Called as a DynamoDB request arrives: counts it and waits out the delay. */
    void onDynamoDb() {
        dynamoDbRequests.incrementAndGet();
        pause(dynamoDbDelay.get());
    }

    /** Called as an STS request arrives: counts it and waits out the delay. */
    void onSts() {
        stsRequests.incrementAndGet();
        pause(stsDelay.get());
    }

    /** Throws the throttling error when one is due for this (authorized) DynamoDB request. */
    void throttleIfDue() {
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw throttle.get().exception();
        }
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping: answer now
        }
    }
}
