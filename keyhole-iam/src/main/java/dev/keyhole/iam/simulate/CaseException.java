package dev.keyhole.iam.simulate;

/** A case that cannot be evaluated: malformed JSON, a bad field, or an invalid policy; the message says which. */
public final class CaseException extends RuntimeException {

    public CaseException(String message) {
        super(message);
    }
}
