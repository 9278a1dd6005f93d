package dev.keyhole.gateway.grants;

/** A grant operation that cannot be done as asked (self-approval, unknown id, a duration over the maximum...). */
public final class GrantException extends RuntimeException {

    public GrantException(String message) {
        super(message);
    }
}
