/**
 * The ticket gate, "no ticket, no access": takes a ticket id that already matched the runbook's pattern
 * and gives a verdict from the system that owns it (Jira, PagerDuty, a webhook, or the pattern alone).
 * Configured from the {@code tickets:} section of keyhole.yaml; secrets come only from environment
 * variables that section names.
 */
package dev.keyhole.gateway.ticket;
