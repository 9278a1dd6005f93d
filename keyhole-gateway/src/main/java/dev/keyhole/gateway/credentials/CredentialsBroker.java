package dev.keyhole.gateway.credentials;

/** Mints (or reuses) narrowed credentials for one execution. */
public interface CredentialsBroker extends AutoCloseable {

    /** Credentials for {@code request}; reused only for the same binding while they stay valid. */
    SessionCredentials credentials(SessionRequest request);

    /**
     * Drops the credentials kept for {@code bindingKey}, so the next request mints new ones: AWS said they
     * expired although our clock says they should not have (the clocks disagree).
     */
    default void forget(String bindingKey) {
        // nothing kept, nothing to drop
    }

    @Override
    void close();
}
