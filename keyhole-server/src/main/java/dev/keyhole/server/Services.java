package dev.keyhole.server;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.Authorizer;
import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.CorrelationIds;
import dev.keyhole.gateway.execute.Executor;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.runbook.model.Runbook;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the server serves: the gateway's parts, wired once at start.
 *
 * @param runbooks the runbooks as loaded now
 * @param people everyone who may appear in "who can" answers (users in the configuration), with their groups now
 * @param executor runs runbooks (audit before action)
 * @param grants approvals and exceptions
 * @param authorizer who may run what now (the executor's own)
 * @param audit the audit log
 * @param auditKeys public keys that verify the log's checkpoints
 * @param authenticator turns a presented token into a caller
 * @param clock time for every decision
 * @param metrics where counters and timers go; served at {@code /metrics}
 */
public record Services(Supplier<List<Runbook>> runbooks, Supplier<List<Caller>> people, Executor executor, Grants grants,
                       Authorizer authorizer, AuditLog audit, Map<String, PublicKey> auditKeys,
                       TokenAuthenticator authenticator, Clock clock, PrometheusMeterRegistry metrics) {

    /** Turns a bearer token into a caller, or refuses. */
    @FunctionalInterface
    public interface TokenAuthenticator {
        /** The caller {@code token} stands for; throws {@link ApiError} (401) with the reason when it stands for nobody. */
        Caller authenticate(String token);
    }

    public Optional<Runbook> runbook(String name) {
        return runbooks.get().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public CorrelationIds correlationIds() {
        return new CorrelationIds(clock);
    }
}
