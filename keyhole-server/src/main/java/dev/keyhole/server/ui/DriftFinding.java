package dev.keyhole.server.ui;

/**
 * One drift finding as the drift page lists it: a DynamoDB call that no runbook explains, or a privilege that
 * nobody uses. Whoever runs the drift scan turns its findings into these.
 *
 * @param kind e.g. {@code unexplained-call} or {@code unused-privilege}
 * @param principal who made the call, or who holds the privilege
 * @param what the call or the privilege
 * @param when when it was seen, or empty
 * @param why why it is a finding, for people
 */
public record DriftFinding(String kind, String principal, String what, String when, String why) {}
