package dev.keyhole.gateway.execute;

/**
 * Where a run request came from, for the audit record.
 *
 * @param clientAddress the client's address ({@code local} for the CLI on this machine)
 * @param userAgent the client program, e.g. {@code keyhole-cli/0.1.0}
 * @param runbookCommit the git commit of the runbook directory, or {@code null} when it is not in git
 */
public record Origin(String clientAddress, String userAgent, String runbookCommit) {

    /** The CLI on this machine, runbooks not in git. */
    public static final Origin LOCAL = new Origin("local", "keyhole-cli", null);
}
