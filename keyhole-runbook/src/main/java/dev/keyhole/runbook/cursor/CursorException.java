package dev.keyhole.runbook.cursor;

/** A cursor that cannot be used: tampered, sealed for another run, or expired. The message says which. */
public final class CursorException extends RuntimeException {

    public CursorException(String message) {
        super(message);
    }
}
