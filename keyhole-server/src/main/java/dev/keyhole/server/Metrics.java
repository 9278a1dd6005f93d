package dev.keyhole.server;

import dev.keyhole.gateway.execute.Refusal;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The server's meters: requests by route and status, refusals by kind. Runs and credentials are metered where they happen. */
final class Metrics {

    private final MeterRegistry registry;

    Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(Context ctx, long nanos) {
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("keyhole.http.requests").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(ctx.status().getCode())).publishPercentileHistogram()
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One run's outcome ({@code ok}, {@code failed}, {@code refused}) and latency. */
    static void run(MeterRegistry registry, String outcome, long nanos) {
        Timer.builder("keyhole.runs").tag("outcome", outcome).publishPercentileHistogram().register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void refused(Refusal.Kind kind) {
        Counter.builder("keyhole.refusals").tag("kind", kind.word()).register(registry).increment();
    }
}
