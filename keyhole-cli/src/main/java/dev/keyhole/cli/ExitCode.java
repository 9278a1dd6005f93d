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
}
