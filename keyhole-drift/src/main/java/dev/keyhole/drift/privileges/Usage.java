package dev.keyhole.drift.privileges;

import dev.keyhole.drift.map.ActionMapper;
import dev.keyhole.drift.trail.TrailEvent;
import dev.keyhole.dynamo.iam.IamCheck;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What each principal really did in DynamoDB: the (action, resource) pairs of its successful calls.
 * Role sessions count for their role. Fed by a scan from many threads.
 */
public final class Usage implements Consumer<TrailEvent> {

    /** One used permission. */
    public record Call(String action, String resource) {}

    private final ActionMapper mapper;
    private final Map<String, Set<Call>> byPrincipal = new ConcurrentHashMap<>();

    /** Collects usage with {@code mapper}. */
    public Usage(ActionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void accept(TrailEvent e) {
        if (e.errorCode() != null) {
            return; // a refused or failed call used no privilege
        }
        Set<Call> calls = byPrincipal.computeIfAbsent(e.identity().principalArn(), k -> ConcurrentHashMap.newKeySet());
        for (IamCheck c : mapper.checks(e)) {
            calls.add(new Call(c.action(), c.resource()));
        }
    }

    /** What {@code principalArn} used; empty when nothing. */
    public Set<Call> of(String principalArn) {
        return byPrincipal.getOrDefault(principalArn, Set.of());
    }

    /** Every principal seen. */
    public Set<String> principals() {
        return byPrincipal.keySet();
    }
}
