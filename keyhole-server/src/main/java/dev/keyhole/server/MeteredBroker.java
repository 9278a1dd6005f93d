package dev.keyhole.server;

import dev.keyhole.gateway.credentials.CredentialsBroker;
import dev.keyhole.gateway.credentials.SessionCredentials;
import dev.keyhole.gateway.credentials.SessionRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Counts and times credential requests ({@code keyhole_credentials_seconds}), whatever broker does the work. */
public final class MeteredBroker implements CredentialsBroker {

    private final CredentialsBroker inner;
    private final Timer ok;
    private final Timer failed;

    public MeteredBroker(CredentialsBroker inner, MeterRegistry registry) {
        this.inner = inner;
        this.ok = Timer.builder("keyhole.credentials").tag("outcome", "ok").register(registry);
        this.failed = Timer.builder("keyhole.credentials").tag("outcome", "failed").register(registry);
    }

    @Override
    public SessionCredentials credentials(SessionRequest request) {
        long t0 = System.nanoTime();
        try {
            SessionCredentials c = inner.credentials(request);
            ok.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
            return c;
        } catch (RuntimeException e) {
            failed.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    @Override
    public void forget(String bindingKey) {
        inner.forget(bindingKey);
    }

    @Override
    public void close() {
        inner.close();
    }
}
