package dev.keyhole.gateway.identity;

/** A presented credential stands for nobody; the message says why, never repeating the credential. */
public final class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }
}
