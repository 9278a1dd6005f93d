package dev.keyhole.gateway;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated person or service asking to run something.
 *
 * @param name the user name (or service principal ARN for machines); becomes the STS SourceIdentity
 * @param groups the groups the caller belongs to
 */
public record Caller(String name, Set<String> groups) {

    public Caller {
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(groups);
    }

    /** How a runbook's {@code access.runners} names this caller: {@code user:NAME}. */
    public String asRunner() {
        return "user:" + name;
    }
}
