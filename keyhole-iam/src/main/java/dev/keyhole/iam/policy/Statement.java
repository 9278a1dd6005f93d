package dev.keyhole.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a policy.
 *
 * @param sid the {@code Sid}, or {@code null}
 * @param effect allow or deny
 * @param principal the {@code Principal}/{@code NotPrincipal} element, or {@code null} when absent
 * @param action the {@code Action}/{@code NotAction} element
 * @param resource the {@code Resource}/{@code NotResource} element, or {@code null} when absent
 *     (trust policies have none; it then matches any resource)
 * @param conditions the condition tests, in document order
 */
public record Statement(
        String sid,
        Effect effect,
        PrincipalElement principal,
        Element action,
        Element resource,
        List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
        conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
    }
}
