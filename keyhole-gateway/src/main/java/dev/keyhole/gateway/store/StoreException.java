package dev.keyhole.gateway.store;

/** keyhole's database could not be opened or used; the message says which and why. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
