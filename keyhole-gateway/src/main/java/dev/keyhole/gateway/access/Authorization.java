package dev.keyhole.gateway.access;

import java.time.Instant;

/**
 * Why a caller may run a runbook now, and until when.
 *
 * @param reason for people and the audit record, e.g. {@code runner via group:oncall; approval g-7KQ2M9 by bob}
 * @param until when this right ends ({@code null}: as long as the binding stands); credentials and their
 *     session policy never outlive it
 * @param grant the grant that allowed it, or {@code null}
 * @param ticket the ticket the grant is for, or {@code null}: a run under it must carry that ticket
 */
public record Authorization(String reason, Instant until, String grant, String ticket) {}
