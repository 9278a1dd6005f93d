package dev.keyhole.gateway.credentials;

/** Mints (or reuses) narrowed credentials for one execution. */
public interface CredentialsBroker extends AutoCloseable {

    /** Credentials for {@code request}; reused only for the same binding while they stay valid. */
    SessionCredentials credentials(SessionRequest request);

    @Override
    void close();
}
