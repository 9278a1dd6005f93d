package dev.keyhole.cli;

/**
 * The exit codes every keyhole command keeps to, so scripts can tell a refusal from a failure from a
 * mistake in what they passed.
 */
public final class ExitCode {

    /** Done; for decisions, allowed. */
    public static final int OK = 0;
    /** Something failed that is not the caller's input (I/O, a server, a bug). */
    public static final int FAILED = 1;
    /** The input was invalid: flags, files, cases, policies. */
    public static final int INVALID_INPUT = 2;
    /** The request was understood and denied. */
    public static final int DENIED = 3;
    /** An integrity check found tampering (e.g. {@code keyhole audit verify}). */
    public static final int TAMPERED = 4;

    private ExitCode() {}

    /**
     * The exit code of a refused run: invalid input for what the caller passed wrong, failed when keyhole
     * could not audit or get credentials in time (nothing wrong with the request), denied otherwise.
     */
    public static int of(dev.keyhole.gateway.execute.Refusal.Kind kind) {
        return switch (kind) {
            case BAD_PARAMETERS, UNKNOWN_QUERY, CURSOR_REJECTED -> INVALID_INPUT;
            case CREDENTIALS_UNAVAILABLE -> FAILED;
            default -> DENIED;
        };
    }
}
