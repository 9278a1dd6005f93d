package dev.keyhole.cli.serve;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.server.Services;
import java.time.Clock;

/** The authenticator {@code keyhole serve} builds from a configuration, for tests that check it without a server. */
public final class IdentitiesProbe {

    private IdentitiesProbe() {}

    public static Services.TokenAuthenticator authenticator(KeyholeConfig cfg) {
        return Identities.open(cfg, cfg.audit().openDatabase(), Clock.systemUTC()).authenticator();
    }
}
