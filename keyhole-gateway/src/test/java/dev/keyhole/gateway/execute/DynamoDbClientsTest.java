package dev.keyhole.gateway.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.credentials.SessionCredentials;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {

    private static SessionCredentials creds(String accessKeyId, Instant expiration) {
        return new SessionCredentials(accessKeyId, "secret", "token", expiration, "kh-test", "arn:aws:sts::000000000000:assumed-role/r/kh-test");
    }

    @Test
    void oneClientPerCredentialsAndRegion() {
        try (DynamoDbClients clients = new DynamoDbClients(URI.create("http://127.0.0.1:9"), 1)) {
            SessionCredentials c = creds("ASIALIVE", Instant.now().plusSeconds(900));
            DynamoDbClient a = clients.forCredentials(c, "us-east-1");
            assertThat(clients.forCredentials(c, "us-east-1")).isSameAs(a);
            assertThat(clients.forCredentials(c, "eu-west-1")).isNotSameAs(a);
            assertThat(clients.open()).isEqualTo(2);
        }
    }

    @Test
    void clientsOfCredentialsExpiredLongAgoAreClosedWhenTheNextClientIsMadeSoAServerKeepsNoneForEver() {
        try (DynamoDbClients clients = new DynamoDbClients(URI.create("http://127.0.0.1:9"), 1)) {
            Instant now = Instant.now();
            SessionCredentials recent = creds("ASIARECENT", now.minusSeconds(60)); // a run may still be on its pages
            DynamoDbClient kept = clients.forCredentials(recent, "us-east-1");
            for (int i = 0; i < 200; i++) {
                clients.forCredentials(creds("ASIAOLD" + i, now.minus(DynamoDbClients.KEEP_AFTER_EXPIRY).minusSeconds(5)),
                        "us-east-1");
            }
            DynamoDbClient live = clients.forCredentials(creds("ASIALIVE", now.plusSeconds(900)), "us-east-1");
            // Making the live one swept the last of the 200 long-expired ones; the recently expired one stays.
            assertThat(clients.open()).isEqualTo(2);
            assertThat(clients.forCredentials(recent, "us-east-1")).isSameAs(kept);
            assertThat(clients.forCredentials(creds("ASIALIVE", now.plusSeconds(900)), "us-east-1")).isSameAs(live);
        }
    }

    @Test
    void everyClientArmsItsTimeoutsOnTheSharedTimer() {
        assertThat(AwsCallLimits.DEFAULT.overrides().scheduledExecutorService()).containsSame(AwsCallLimits.TIMER);
        assertThat(new AwsCallLimits(2, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)).overrides()
                .scheduledExecutorService()).containsSame(AwsCallLimits.TIMER);
    }

    @Test
    void armingATimeoutLeavesAnEarlierTaskAtTheHeadAndACancelledOneLeavesTheQueue() throws Exception {
        // ScheduledThreadPoolExecutor signals its thread when a new task becomes the earliest; the periodic no-op
        // due within a second keeps a 10-second timeout from ever being that, so arming one wakes no thread.
        ScheduledThreadPoolExecutor timer = (ScheduledThreadPoolExecutor) AwsCallLimits.TIMER;
        ScheduledFuture<?> timeout = timer.schedule(() -> { }, 10, TimeUnit.SECONDS);
        try {
            // The no-op is off the queue for the moment it runs; look again then.
            Delayed head = (Delayed) timer.getQueue().peek();
            for (int i = 0; i < 100 && head == timeout; i++) {
                Thread.sleep(1);
                head = (Delayed) timer.getQueue().peek();
            }
            assertThat(head).isNotSameAs(timeout);
            assertThat(head.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(1_000);
        } finally {
            timeout.cancel(false);
        }
        // The SDK cancels nearly every timeout it arms: they must not pile up until they fall due.
        assertThat(timer.getQueue()).doesNotContain((Runnable) timeout);
    }

    @Test
    void theSharedTimerStillFiresWhatFallsDue() throws Exception {
        java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
        AwsCallLimits.TIMER.schedule(fired::countDown, 50, TimeUnit.MILLISECONDS);
        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
