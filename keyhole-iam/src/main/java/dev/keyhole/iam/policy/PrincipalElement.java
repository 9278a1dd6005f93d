package dev.keyhole.iam.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Principal} or {@code NotPrincipal} element of a resource-based policy.
 *
 * @param negated {@code true} for {@code NotPrincipal}
 * @param wildcard {@code true} when written as the bare string {@code "*"}
 * @param byType principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser})
 *     to the identifiers listed under it, in document order; empty when {@code wildcard}
 */
public record PrincipalElement(boolean negated, boolean wildcard, Map<String, List<String>> byType) {

    /** The principal types IAM accepts inside a {@code Principal} object. */
    public static final List<String> TYPES = List.of("AWS", "Service", "Federated", "CanonicalUser");

    public PrincipalElement {
        Objects.requireNonNull(byType, "byType");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byType.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byType = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code "Principal": "*"}. */
    public static PrincipalElement anyone() {
        return new PrincipalElement(false, true, Map.of());
    }
}
