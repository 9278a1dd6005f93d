package dev.keyhole.gateway.identity;

/**
 * A presented credential stands for nobody. The message, lowercase and one line, says why and is safe to show
 * the caller: it never repeats the credential.
 */
public final class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }

    /** With the cause kept for logs; only for causes that cannot hold the credential (network, parsing keys). */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
